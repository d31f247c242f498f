package nl.verbeterhub.remote.fhir;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.connector.SourceSettings;
import nl.verbeterhub.theme.antistolling.AntistollingSettings;
import nl.verbeterhub.remote.auth.Authorizer;

/**
 * Fetches one run of a {@code fhir-server} connector into its inbox: a hidden folder filled page by page,
 * renamed into place when complete, or removed when the server had nothing (no extract, domain.md §6).
 */
public final class ServerPuller {

    /** What a run fetched: the delivered folder (none when nothing), resources written and requests sent. */
    public record Fetched(Optional<Path> delivered, long resources, long requests) {
    }

    private final HttpClient client;
    private final Clock clock;
    private final List<String> inrCodes;

    /** With the contract's INR codes (themes.md §2.5). */
    public ServerPuller(Clock clock) {
        this(clock, AntistollingSettings.defaults().fhirInrCodes());
    }

    /** @param inrCodes the LOINC codes of an INR Observation, searched for a connector listing ANTISTOLLING */
    public ServerPuller(Clock clock, List<String> inrCodes) {
        this(FhirHttp.newClient(), clock, inrCodes);
    }

    ServerPuller(HttpClient client, Clock clock, List<String> inrCodes) {
        this.client = client;
        this.clock = clock;
        this.inrCodes = List.copyOf(inrCodes);
    }

    /** @param since the watermark, or empty for a full read (the first run, or a snapshot connector) */
    public Fetched pull(ConnectorConfig c, Optional<Instant> since, Authorizer authorizer) throws IOException {
        SourceSettings.FhirServer settings = (SourceSettings.FhirServer) c.settings();
        FhirHttp http = new FhirHttp(client, settings.baseUrl(), authorizer, clock);
        try (RunFolder run = RunFolder.begin(c.inbox(), clock.instant())) {
            Instant serverStart;
            try {
                serverStart = new ServerRun(http, run, settings.pageSize())
                        .fetch(Searches.of(since, settings.fhir().patientIdentifierSystem().isPresent(), settings.pageSize(),
                                settings.fhir().themes(), inrCodes));
            } catch (RuntimeException | IOException e) {
                // Raw data rests only in .done/ and .error/ (domain.md §5): a failed run leaves nothing behind.
                run.discard();
                throw e;
            }
            if (run.resources() == 0) {
                run.discard();
                return new Fetched(Optional.empty(), 0, http.requests());
            }
            return new Fetched(Optional.of(run.deliver(serverStart)), run.resources(), http.requests());
        }
    }

    /** Whether the inbox holds a delivery not yet committed: a run must wait for it (its watermark is not yet kept). */
    public static boolean pending(Path inbox) throws IOException {
        return RunFolder.pending(inbox);
    }
}
