package nl.verbeterhub.connector;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * One hospital source, read from a file in {@code connectors/}: adding a hospital is adding a file.
 *
 * @param snapshot each extract is complete for the years it covers (default: incremental upserts)
 * @param settings what only this connector's type takes
 */
public record ConnectorConfig(String id, String agb, String hospitalName, ConnectorType type, Path inbox,
                              boolean snapshot, Set<Integer> snapshotYears, Duration pollDelay,
                              SourceSettings settings, Path definedIn) {

    /** The CSV settings; fails for a connector of another type. */
    public SourceSettings.Csv csv() {
        return (SourceSettings.Csv) settings;
    }

    /** The FHIR settings; fails for a connector of another type. */
    public SourceSettings.Fhir fhir() {
        return (SourceSettings.Fhir) settings;
    }
}
