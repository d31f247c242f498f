package nl.verbeterhub.remote.fhir;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.connector.Connectors;
import nl.verbeterhub.connector.SourceSettings;
import nl.verbeterhub.extract.ExtractCommit;
import nl.verbeterhub.extract.ExtractLog;
import nl.verbeterhub.extract.Sha256;
import nl.verbeterhub.failure.NotReadyException;
import nl.verbeterhub.status.HubReadiness;
import nl.verbeterhub.inbox.InboxHandler;
import nl.verbeterhub.remote.PullStatus;
import nl.verbeterhub.remote.auth.Authorizer;
import nl.verbeterhub.remote.auth.Authorizers;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a {@code fhir-server} connector (routes/remote.camel.yaml): incremental from the watermark
 * (the server's time at the start of the latest committed run, kept with that run's commit in the hub's
 * Kafka state), or in full for a snapshot connector. The run is fetched into a hidden folder and delivered
 * into the connector's inbox; its commit by the inbox route is what advances the watermark, so a run that
 * fails or is cut off by a stop advances nothing and is fetched again.
 */
public final class FhirServerPull {

    private static final Logger LOG = LoggerFactory.getLogger(FhirServerPull.class);

    private final Connectors connectors;
    private final ExtractLog extracts;
    private final HubReadiness readiness;
    private final PullStatus status;
    private final Function<String, String> environment;
    private final ServerPuller puller;
    private final Duration overlap;
    /** One authorizer per connector, so that a SMART token is cached across runs. */
    private final Map<String, Authorizer> authorizers = new ConcurrentHashMap<>();

    public FhirServerPull(Connectors connectors, ExtractLog extracts, HubReadiness readiness, PullStatus status,
                          Function<String, String> environment, Clock clock, Duration overlap, List<String> inrCodes) {
        this.overlap = overlap;
        this.connectors = connectors;
        this.extracts = extracts;
        this.readiness = readiness;
        this.status = status;
        this.environment = environment;
        this.puller = new ServerPuller(clock, inrCodes);
    }

    public void run(Exchange exchange) throws IOException {
        ConnectorConfig c = connectors.get(exchange.getMessage().getHeader(InboxHandler.CONNECTOR_HEADER, String.class));
        status.checkReady(c.id());
        // The watermark is read from the restored extract log: not before the hub has read it back.
        if (!readiness.isReady()) throw new NotReadyException("the hub's state is not restored yet");
        if (ServerPuller.pending(c.inbox())) {
            LOG.debug("{}: the previous delivery is not committed yet; this run waits", c.id());
            return;
        }
        SourceSettings.FhirServer settings = (SourceSettings.FhirServer) c.settings();
        Optional<Instant> since = c.snapshot() ? Optional.empty() : watermark(c.id());
        Authorizer authorizer = authorizers.computeIfAbsent(c.id(), id -> Authorizers.of(settings.auth(), environment));
        ServerPuller.Fetched run = puller.pull(c, since, authorizer);
        if (run.delivered().isEmpty()) {
            LOG.info("{}: the server has nothing new since {}", c.id(), since.map(Instant::toString).orElse("ever"));
        } else {
            LOG.info("{}: run {} fetched {} resources in {} requests", c.id(), run.delivered().get().getFileName(),
                    run.resources(), run.requests());
        }
    }

    /**
     * The start of the latest committed run, less the overlap: a server that stamps {@code lastUpdated} when
     * a transaction begins (HAPI JPA does) commits some writes with a time before a run that could not see
     * them yet; reading the overlap again (upserts) is how they are not missed.
     */
    Optional<Instant> watermark(String connector) {
        return extracts.recent(connector, Integer.MAX_VALUE).stream()
                .filter(commit -> commit.sha256().startsWith(Sha256.RUN_PREFIX))
                .map(ExtractCommit::report).filter(r -> r != null && r.transactionTime() != null)
                .map(r -> r.transactionTime().minus(overlap)).findFirst();
    }
}
