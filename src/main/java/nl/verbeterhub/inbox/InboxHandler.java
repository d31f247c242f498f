package nl.verbeterhub.inbox;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.connector.Connectors;
import nl.verbeterhub.extract.UnusableFileException;
import nl.verbeterhub.failure.FailureClassifier;
import nl.verbeterhub.status.ConnectorStatus;
import nl.verbeterhub.metrics.HubMetrics;
import nl.verbeterhub.time.Amsterdam;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of an inbox route, one method each, in the order of design-notes §2: commit the extract,
 * move the file to {@code .done/}, regenerate the drafts — or, for a poison file, move it to
 * {@code .error/} with a reason file beside it. Logs name files and codes, never content.
 */
public final class InboxHandler {

    public static final String CONNECTOR_HEADER = "verbeterhubConnector";
    private static final String OUTCOME = "verbeterhubOutcome";
    private static final String RECEIVED_AT = "verbeterhubReceivedAt";
    private static final Logger LOG = LoggerFactory.getLogger(InboxHandler.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");

    private final Connectors connectors;
    private final ExtractService extracts;
    private final DraftRegeneration regeneration;
    private final ConnectorStatus status;
    private final Clock clock;
    private final HubMetrics metrics;
    private final DeliveryWatch watch;

    /** Without metrics (tests). */
    public InboxHandler(Connectors connectors, ExtractService extracts, DraftRegeneration regeneration,
                        ConnectorStatus status, Clock clock) {
        this(connectors, extracts, regeneration, status, clock, HubMetrics.none());
    }

    public InboxHandler(Connectors connectors, ExtractService extracts, DraftRegeneration regeneration,
                        ConnectorStatus status, Clock clock, HubMetrics metrics) {
        this(connectors, extracts, regeneration, status, clock, metrics, new DeliveryWatch());
    }

    public InboxHandler(Connectors connectors, ExtractService extracts, DraftRegeneration regeneration,
                        ConnectorStatus status, Clock clock, HubMetrics metrics, DeliveryWatch watch) {
        this.watch = watch;
        this.connectors = connectors;
        this.extracts = extracts;
        this.regeneration = regeneration;
        this.status = status;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Step 1–3: hash, skip a re-delivery, commit records, rejections and marker. A symbolic link is never
     * followed (it could point at another hospital's files): it is unusable and goes to {@code .error/}.
     */
    public void commit(Exchange exchange) throws Exception {
        ConnectorConfig connector = connector(exchange);
        Path file = file(exchange);
        if (Files.isSymbolicLink(file)) {
            throw new UnusableFileException(UnusableFileException.Reason.UNSUPPORTED_FILE,
                    file.getFileName() + " is a symbolic link");
        }
        Instant receivedAt = exchange.getProperty(RECEIVED_AT, Instant.class);
        if (receivedAt == null) {
            receivedAt = clock.instant();
            exchange.setProperty(RECEIVED_AT, receivedAt);
        }
        LOG.info("{}: reading {}", connector.id(), file.getFileName());
        long started = System.nanoTime();
        ExtractOutcome outcome;
        try {
            outcome = extracts.commit(connector, file, receivedAt);
        } catch (Exception e) {
            metrics.failed(connector, Duration.ofNanos(System.nanoTime() - started));
            throw e;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        exchange.setProperty(OUTCOME, outcome);
        if (outcome.redelivery()) {
            status.redelivery(connector.id());
            metrics.redelivered(connector, took, clock.instant());
            LOG.info("{}: {} is a re-delivery of extract {}; skipped", connector.id(), file.getFileName(),
                    outcome.sha256().substring(0, 12));
        } else {
            status.committed(connector.id(), clock.instant());
            metrics.committed(connector, outcome.commit(), took, clock.instant());
            LOG.info("{}: committed extract {} ({})", connector.id(), file.getFileName(), outcome.sha256().substring(0, 12));
        }
    }

    /** Step 4a: the raw extract rests in {@code .done/}, under a name that never overwrites an earlier one. */
    public void archive(Exchange exchange) throws IOException {
        ExtractOutcome outcome = exchange.getProperty(OUTCOME, ExtractOutcome.class);
        Path file = file(exchange);
        String name = stamp() + "-" + outcome.sha256().substring(0, 12) + "-" + file.getFileName();
        moveInto(file, ".done", name);
        watch.archived(file, outcome);
    }

    /**
     * Step 4b: regenerate the hospital's drafts once the local state holds the extract. Never fails the
     * exchange: the extract is committed and archived, so a failure here is retried on its own
     * ({@link DraftRegeneration}), not handled as a poison file.
     */
    public void publishDrafts(Exchange exchange) {
        ExtractOutcome outcome = exchange.getProperty(OUTCOME, ExtractOutcome.class);
        String connector = connector(exchange).id();
        status.recovered(connector);
        regeneration.afterExtract(connector, outcome);
    }

    /**
     * A poison file: to {@code .error/} with a reason file; the route goes on with the next file. A failure
     * before there is a file (the FHIR inbox's scan) moves nothing: it is logged by its class only.
     */
    public void quarantine(Exchange exchange) throws IOException {
        ConnectorConfig connector = connector(exchange);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Path file = delivery(exchange);
        if (file == null) {
            LOG.warn("{}: looking for deliveries failed ({}); nothing moved, the next poll looks again", connector.id(),
                    cause == null ? "unknown" : cause.getClass().getSimpleName());
            return;
        }
        String reason = cause == null ? "UNKNOWN" : FailureClassifier.describe(cause);
        String name = stamp() + "-" + file.getFileName();
        try {
            Path moved = moveInto(file, ".error", name);
            Path reasonFile = moved.resolveSibling(name + ".reason.txt");
            Path tmp = moved.resolveSibling("." + name + ".reason.tmp");
            Files.writeString(tmp, reason + System.lineSeparator(), StandardCharsets.UTF_8);
            Files.move(tmp, reasonFile, StandardCopyOption.ATOMIC_MOVE);
            watch.quarantined(file, reason, moved.getFileName().toString());
        } catch (NoSuchFileException e) {
            LOG.warn("{}: {} vanished before it could be moved to .error/", connector.id(), file.getFileName());
        }
        status.quarantined(connector.id(), reason);
        metrics.quarantined(connector, HubMetrics.reasonCode(reason));
        LOG.warn("{}: {} moved to .error/: {}", connector.id(), file.getFileName(), reason);
    }

    /** Called before each new attempt after a retriable failure. */
    public void retrying(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (cause == null) cause = exchange.getException();
        status.retrying(connector(exchange).id(), cause == null ? "unknown" : cause.getClass().getSimpleName(),
                clock.instant(), FailureClassifier.brokerFailure(cause));
    }

    private ConnectorConfig connector(Exchange exchange) {
        return connectors.get(exchange.getIn().getHeader(CONNECTOR_HEADER, String.class));
    }

    private static Path file(Exchange exchange) {
        return exchange.getIn().getBody(File.class).toPath();
    }

    /** The file or folder the exchange is about, or null when it is about none (a timer's exchange, a list). */
    private static Path delivery(Exchange exchange) {
        Object body = exchange.getIn().getBody();
        if (body == null || body instanceof Collection<?>) return null;
        File file = exchange.getIn().getBody(File.class);
        return file == null ? null : file.toPath();
    }

    private String stamp() {
        return LocalDateTime.ofInstant(clock.instant(), Amsterdam.ZONE).format(STAMP);
    }

    private static Path moveInto(Path file, String folder, String name) throws IOException {
        Path dir = file.resolveSibling(folder);
        Files.createDirectories(dir);
        Path target = dir.resolve(name);
        for (int n = 2; Files.exists(target); n++) {
            target = dir.resolve(name + "." + n);
        }
        return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    }
}
