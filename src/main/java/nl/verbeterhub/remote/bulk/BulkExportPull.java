package nl.verbeterhub.remote.bulk;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.connector.Connectors;
import nl.verbeterhub.connector.SourceSettings;
import nl.verbeterhub.fhir.FhirResourceTypes;
import nl.verbeterhub.extract.ExtractCommit;
import nl.verbeterhub.extract.ExtractLog;
import nl.verbeterhub.extract.SourceReport;
import nl.verbeterhub.failure.NotReadyException;
import nl.verbeterhub.status.HubReadiness;
import nl.verbeterhub.inbox.InboxHandler;
import nl.verbeterhub.remote.PullStatus;
import nl.verbeterhub.ops.RunNow;
import nl.verbeterhub.remote.auth.Authorizer;
import nl.verbeterhub.remote.auth.Authorizers;
import nl.verbeterhub.remote.fhir.ServerPuller;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One step of a {@code fhir-bulk-export} connector, on each tick of its pull route (routes/bulk-export.camel.yaml):
 * with an export in flight, ask its status once its {@code Retry-After} has passed and, when complete,
 * deliver its files into the inbox, then {@code DELETE} it; with none, kick one off when due — pollInterval
 * after the previous one ended, the first at once — and the inbox holds no uncommitted delivery, with
 * {@code _since} the {@code transactionTime} of the connector's latest committed extract. Where it stands
 * lives in the inbox ({@link ExportState}), so a restart resumes instead of kicking off again. An operator's
 * "run now" ({@link RunNow}) kicks off at once, or with an export in flight asks its status at once. Failures are
 * thrown for the route's {@code pull-failures} to classify; nothing is advanced before the delivery is in place.
 */
public final class BulkExportPull {

    private static final Logger LOG = LoggerFactory.getLogger(BulkExportPull.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** After an expired export: kick off again soon, but never in a tight loop against a misbehaving server. */
    private static final Duration AFTER_EXPIRY = Duration.ofMinutes(5);

    private final Connectors connectors;
    private final ExtractLog extracts;
    private final HubReadiness readiness;
    private final PullStatus pullStatus;
    private final RunNow runNow;
    private final BulkExportClient client;
    private final ExportDelivery delivery;
    private final Function<String, String> environment;
    private final Clock clock;
    private final Map<String, Authorizer> authorizers = new ConcurrentHashMap<>();
    private final Map<String, String> progress = new ConcurrentHashMap<>();

    BulkExportPull(Connectors connectors, ExtractLog extracts, HubReadiness readiness, PullStatus pullStatus, RunNow runNow,
                   BulkExportClient client, Function<String, String> environment, Clock clock) {
        this.connectors = connectors;
        this.extracts = extracts;
        this.readiness = readiness;
        this.pullStatus = pullStatus;
        this.runNow = runNow;
        this.client = client;
        this.delivery = new ExportDelivery(client);
        this.environment = environment;
        this.clock = clock;
    }

    /** For the route: one step of the exchange's connector. */
    public void run(Exchange exchange) throws IOException, InterruptedException {
        step(exchange.getMessage().getHeader(InboxHandler.CONNECTOR_HEADER, String.class));
    }

    public void step(String connectorId) throws IOException, InterruptedException {
        ConnectorConfig c = connectors.get(connectorId);
        SourceSettings.BulkExport settings = (SourceSettings.BulkExport) c.settings();
        Path inbox = c.inbox();
        ExportState state = ExportState.read(inbox);
        Instant now = clock.instant();
        if (runNow.take(connectorId)) {
            // Written, so that a kick-off the server turns away for now is still due when it is retried; a kick-off
            // still waits for the inbox route to commit what it holds (its _since comes from that commit).
            state = state.inFlight() ? state.checkAfter(null) : ExportState.idleUntil(now);
            state.write(inbox);
            LOG.info("{}: run now: {}", connectorId, state.inFlight() ? "the export's status is asked at once"
                    : "an export is due at once");
        }
        if (state.inFlight()) {
            if (state.checkAfter() == null || !now.isBefore(state.checkAfter())) poll(c, settings, state);
        } else if ((state.nextKickOff() == null || !now.isBefore(state.nextKickOff())) && !deliveryPending(inbox)) {
            kickOff(c, settings);
        }
    }

    private void kickOff(ConnectorConfig c, SourceSettings.BulkExport settings) throws IOException, InterruptedException {
        // The extract log is restored from Kafka at start-up: read before, it would give no _since (a full export).
        if (!readiness.isReady()) throw new NotReadyException("hub not ready: " + readiness.waitingFor());
        pullStatus.checkReady(c.id());
        Optional<Instant> since = extracts.recent(c.id(), 1).stream().findFirst().map(ExtractCommit::report)
                .map(SourceReport::transactionTime);
        URI statusUrl = client.kickOff(settings, since, authorizer(c, settings));
        if (!BulkExportClient.sameOrigin(settings.baseUrl(), statusUrl)) {
            LOG.warn("{}: the export's status URL is on another host than baseUrl: it is asked without the token", c.id());
        }
        Instant at = clock.instant();
        ExportState.kickedOff(statusUrl, at, at).write(c.inbox());
        progress.remove(c.id());
        LOG.info("{}: bulk export kicked off ({})", c.id(), since.map(s -> "changes since " + s).orElse("everything"));
    }

    private void poll(ConnectorConfig c, SourceSettings.BulkExport settings, ExportState state)
            throws IOException, InterruptedException {
        pullStatus.checkReady(c.id());
        Authorizer auth = authorizer(c, settings);
        BulkExportClient.Status status = client.status(state.statusUrl(), settings.baseUrl(), auth);
        Instant now = clock.instant();
        if (status instanceof BulkExportClient.InProgress p) {
            state.checkAfter(now.plus(p.retryAfter().orElse(Duration.ZERO))).write(c.inbox());
            p.progress().map(BulkExportPull::shown).filter(shown -> !shown.equals(progress.put(c.id(), shown)))
                    .ifPresent(shown -> LOG.info("{}: bulk export in progress ({})", c.id(), shown));
        } else if (status instanceof BulkExportClient.Expired e) {
            // A delivery broken off before a restart may have left its staging folder: raw data does not stay.
            delivery.discard(c.inbox(), name(state, now));
            forget(c, settings, "the server no longer knows the export (HTTP " + e.code() + ")");
        } else if (status instanceof BulkExportClient.Complete done) {
            String name = name(state, now);
            Optional<Path> delivered;
            try {
                delivered = delivery.deliver(c.inbox(), name, done.manifest(), settings.baseUrl(), auth,
                        FhirResourceTypes.of(settings.fhir().themes()));
            } catch (BulkExportClient.FileExpired expired) {
                forget(c, settings, expired.getMessage());
                return;
            }
            int errors = ExportDelivery.errorFiles(done.manifest());
            LOG.info("{}: bulk export complete; {}{}", c.id(), delivered.map(p -> "delivered as " + p.getFileName())
                    .orElse("no changes, nothing delivered"), errors == 0 ? "" : "; error files listed, not fetched: " + errors);
            // Only once the delivery is in place: a crash before this fetches the same export again.
            ExportState.idleUntil(clock.instant().plus(settings.pollInterval())).write(c.inbox());
            progress.remove(c.id());
            delete(c, state.statusUrl(), settings.baseUrl(), auth);
        }
    }

    private static String name(ExportState state, Instant now) {
        return "export-" + NAME.format(state.kickedOffAt() == null ? now : state.kickedOffAt());
    }

    /** The export is gone: kick off again (the same {@code _since}), pollInterval or five minutes later at most. */
    private void forget(ConnectorConfig c, SourceSettings.BulkExport settings, String why) throws IOException {
        Duration wait = settings.pollInterval().compareTo(AFTER_EXPIRY) < 0 ? settings.pollInterval() : AFTER_EXPIRY;
        ExportState.idleUntil(clock.instant().plus(wait)).write(c.inbox());
        progress.remove(c.id());
        LOG.warn("{}: {}; a new export is kicked off in {}", c.id(), why, wait);
    }

    /** Lets the server drop the files; a failure here loses nothing (the server expires them anyway). */
    private void delete(ConnectorConfig c, URI statusUrl, URI base, Authorizer auth) throws InterruptedException {
        try {
            int code = client.delete(statusUrl, base, auth);
            if (code / 100 != 2) LOG.warn("{}: the delete of the finished export answered HTTP {}", c.id(), code);
        } catch (RuntimeException e) {
            LOG.warn("{}: the delete of the finished export failed ({})", c.id(), e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /**
     * Any entry the inbox route has still to commit. What it never takes is no delivery: hidden entries (.done,
     * .error, staging, state), copies under way ({@code x.part}, …) and Excel's owner files ({@code ~$x}); the
     * fhir-server pull asks the same.
     */
    static boolean deliveryPending(Path inbox) throws IOException {
        return ServerPuller.pending(inbox);
    }

    private Authorizer authorizer(ConnectorConfig c, SourceSettings.BulkExport settings) {
        // One per connector: a SMART authorizer caches its token between requests.
        return authorizers.computeIfAbsent(c.id(), id -> Authorizers.of(settings.auth(), environment));
    }

    /** X-Progress is free text from the server: printable characters only, and short. */
    static String shown(String progress) {
        String printable = Objects.requireNonNullElse(progress, "").replaceAll("[^\\p{Alnum} %.,:/()+-]", "?").trim();
        return printable.length() > 60 ? printable.substring(0, 60) + "…" : printable;
    }
}
