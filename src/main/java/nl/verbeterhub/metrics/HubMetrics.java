package nl.verbeterhub.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.connector.Connectors;
import nl.verbeterhub.extract.ExtractCommit;
import nl.verbeterhub.extract.ExtractLog;
import nl.verbeterhub.extract.UnusableFileException;
import nl.verbeterhub.theme.Theme;

/**
 * The hub's own metrics at {@code /actuator/prometheus} (issue 17), fed where things happen: the inbox
 * handler (commit, re-delivery, {@code .error/}) and the draft service (publish, tombstone). Per connector
 * they carry the tags {@code connector} and {@code agb}; records also {@code type}, rejections and files in
 * {@code .error/} a {@code reason} <em>code</em>. Tags never hold file names, free text or content, so
 * their number stays bounded: connectors × record types × reason codes, and themes for drafts.
 */
public final class HubMetrics {

    /** Extracts committed ({@code verbeterhub_extracts_committed_total}). */
    public static final String COMMITTED = "verbeterhub.extracts.committed";
    /** Re-deliveries of an already committed extract, skipped. */
    public static final String REDELIVERED = "verbeterhub.extracts.redelivered";
    /** Files moved to {@code .error/}, by reason code. */
    public static final String QUARANTINED = "verbeterhub.extracts.quarantined";
    public static final String RECORDS_READ = "verbeterhub.records.read";
    public static final String RECORDS_ACCEPTED = "verbeterhub.records.accepted";
    public static final String RECORDS_REJECTED = "verbeterhub.records.rejected";
    /** Epoch seconds of the last committed or re-delivered extract ({@code verbeterhub_connector_last_success_seconds}). */
    public static final String LAST_SUCCESS = "verbeterhub.connector.last.success";
    /** 1 while a connector is LATE, else 0 ({@code verbeterhub_connector_late}). */
    public static final String LATE = "verbeterhub.connector.late";
    /** Seconds reading and committing one extract, by outcome ({@code verbeterhub_extract_processing_seconds}). */
    public static final String PROCESSING = "verbeterhub.extract.processing";
    public static final String DRAFTS_PUBLISHED = "verbeterhub.drafts.published";
    public static final String DRAFTS_TOMBSTONED = "verbeterhub.drafts.tombstoned";

    /** The reason tag of a failure that is no {@link UnusableFileException.Reason}. */
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";
    private static final String UNKNOWN = "UNKNOWN";
    private static final Set<String> REASON_CODES = Stream.concat(
            Stream.of(UnusableFileException.Reason.values()).map(Enum::name), Stream.of(INTERNAL_ERROR, UNKNOWN))
            .collect(Collectors.toUnmodifiableSet());

    private final MeterRegistry registry;
    private final ExtractLog extracts;
    private final Map<String, Double> lastSuccess = new ConcurrentHashMap<>();
    private volatile ToDoubleFunction<String> lateFn = connector -> 0;

    /**
     * Registers, per connector, its extract counters at 0 and its gauges, so that a connector that never
     * delivered is seen too.
     *
     * @param extracts the committed extracts (restored from Kafka at start-up): the last-success gauge
     *                 survives a restart
     */
    public HubMetrics(MeterRegistry registry, Connectors connectors, ExtractLog extracts) {
        this.registry = registry;
        this.extracts = extracts;
        for (ConnectorConfig c : connectors.all()) {
            Tags tags = tags(c);
            Counter.builder(COMMITTED).description("Extracts committed").tags(tags).register(registry);
            Counter.builder(REDELIVERED).description("Re-deliveries of a committed extract, skipped").tags(tags)
                    .register(registry);
            Gauge.builder(LAST_SUCCESS, this, m -> m.lastSuccess(c.id())).tags(tags).baseUnit("seconds")
                    .description("Epoch seconds of the last committed or re-delivered extract; NaN before the first")
                    .register(registry);
            Gauge.builder(LATE, this, m -> m.lateFn.applyAsDouble(c.id())).tags(tags)
                    .description("1 while the connector is LATE: its expected extract did not arrive")
                    .register(registry);
        }
    }

    /** Metrics that go nowhere: for code built without a registry (tests, the command line). */
    public static HubMetrics none() {
        return new HubMetrics(new CompositeMeterRegistry(), new Connectors(List.of()), new ExtractLog());
    }

    /**
     * Where the LATE state comes from: a function of the connector id giving 1 while that connector is
     * LATE and 0 otherwise (health's expectation check plugs in here). Until it is set every connector is 0.
     */
    public void lateness(ToDoubleFunction<String> lateFn) {
        this.lateFn = lateFn;
    }

    /** An extract was committed: its record counts per type and reason, and its processing time. */
    public void committed(ConnectorConfig connector, ExtractCommit commit, Duration took, Instant at) {
        Tags tags = tags(connector);
        registry.counter(COMMITTED, tags).increment();
        timer(tags, "committed").record(took);
        succeeded(connector, at);
        if (commit == null) return;
        commit.counts().forEach((type, counts) -> {
            Tags typed = tags.and("type", type.name());
            increment(RECORDS_READ, "Records read (data lines, resources)", typed, counts.read());
            increment(RECORDS_ACCEPTED, "Records accepted", typed, counts.accepted());
            counts.rejectedByReason().forEach((reason, n) ->
                    increment(RECORDS_REJECTED, "Records rejected, by reason code", typed.and("reason", reason.name()), n));
        });
    }

    /** The file held an extract this connector had already committed: skipped. */
    public void redelivered(ConnectorConfig connector, Duration took, Instant at) {
        Tags tags = tags(connector);
        registry.counter(REDELIVERED, tags).increment();
        timer(tags, "redelivered").record(took);
        succeeded(connector, at);
    }

    /** Reading or committing failed (retried, or the file goes to {@code .error/}): only its time is counted. */
    public void failed(ConnectorConfig connector, Duration took) {
        timer(tags(connector), "failed").record(took);
    }

    /** A file was moved to {@code .error/}; {@code reasonCode} as {@link #reasonCode(String)} gives it. */
    public void quarantined(ConnectorConfig connector, String reasonCode) {
        String reason = REASON_CODES.contains(reasonCode) ? reasonCode : INTERNAL_ERROR;
        Counter.builder(QUARANTINED).description("Files moved to .error/, by reason code")
                .tags(tags(connector).and("reason", reason)).register(registry).increment();
    }

    public void draftPublished(Theme theme) {
        Counter.builder(DRAFTS_PUBLISHED).description("Drafts published (changed content only)")
                .tag("theme", theme.name()).register(registry).increment();
    }

    public void draftTombstoned(Theme theme) {
        Counter.builder(DRAFTS_TOMBSTONED).description("Tombstones published for drafts that no longer exist")
                .tag("theme", theme.name()).register(registry).increment();
    }

    /**
     * The code of a reason file's text ({@code "NOT_TEXT: line 3 ..."} gives {@code NOT_TEXT}); anything
     * that is not one of the known codes is {@code INTERNAL_ERROR}, so that no free text becomes a tag.
     */
    public static String reasonCode(String reason) {
        if (reason == null) return UNKNOWN;
        int colon = reason.indexOf(':');
        String code = (colon < 0 ? reason : reason.substring(0, colon)).strip();
        return REASON_CODES.contains(code) ? code : INTERNAL_ERROR;
    }

    private void succeeded(ConnectorConfig connector, Instant at) {
        lastSuccess.merge(connector.id(), at.getEpochSecond() + at.getNano() / 1e9, Math::max);
    }

    /** The later of what this hub saw and the last commit the extract log knows (from before a restart). */
    private double lastSuccess(String connector) {
        double seen = lastSuccess.getOrDefault(connector, Double.NaN);
        double logged = extracts.recent(connector, 1).stream().map(ExtractCommit::committedAt)
                .mapToDouble(t -> t.getEpochSecond() + t.getNano() / 1e9).findFirst().orElse(Double.NaN);
        if (Double.isNaN(seen)) return logged;
        return Double.isNaN(logged) ? seen : Math.max(seen, logged);
    }

    private Timer timer(Tags tags, String outcome) {
        return Timer.builder(PROCESSING).description("Time to read and commit one extract, by outcome")
                .tags(tags.and("outcome", outcome)).register(registry);
    }

    private void increment(String name, String description, Tags tags, long n) {
        Counter.builder(name).description(description).tags(tags).register(registry).increment(n);
    }

    private static Tags tags(ConnectorConfig connector) {
        return Tags.of("connector", connector.id(), "agb", connector.agb());
    }
}
