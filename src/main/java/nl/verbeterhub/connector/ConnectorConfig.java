package nl.verbeterhub.connector;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One hospital source, read from a file in {@code connectors/}: adding a hospital is adding a file.
 *
 * @param snapshot each extract is complete for the years it covers (default: incremental upserts)
 * @param settings what only this connector's type takes
 * @param expect when its extracts are due (LATE in health when one is not)
 * @param uploadTokenSha256 the lowercase hex SHA-256 of each bearer token that may push extracts to it
 */
public record ConnectorConfig(String id, String agb, String hospitalName, ConnectorType type, Path inbox,
                              boolean snapshot, Set<Integer> snapshotYears, Duration pollDelay,
                              SourceSettings settings, Path definedIn, Optional<Expectation> expect,
                              List<String> uploadTokenSha256) {

    /** A connector without an expected schedule and without upload tokens. */
    public ConnectorConfig(String id, String agb, String hospitalName, ConnectorType type, Path inbox,
                           boolean snapshot, Set<Integer> snapshotYears, Duration pollDelay,
                           SourceSettings settings, Path definedIn) {
        this(id, agb, hospitalName, type, inbox, snapshot, snapshotYears, pollDelay, settings, definedIn,
                Optional.empty(), List.of());
    }

    /** The CSV settings its inbox is read with; fails for a connector whose inbox holds FHIR. */
    public SourceSettings.Csv csv() {
        return (SourceSettings.Csv) settings.local();
    }

    /** The FHIR settings its inbox is read with; fails for a connector whose inbox holds CSV. */
    public SourceSettings.Fhir fhir() {
        return (SourceSettings.Fhir) settings.local();
    }

    /** Whether its inbox holds FHIR (else CSV). */
    public boolean readsFhir() {
        return settings.local() instanceof SourceSettings.Fhir;
    }
}
