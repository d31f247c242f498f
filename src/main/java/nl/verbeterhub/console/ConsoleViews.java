package nl.verbeterhub.console;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import nl.verbeterhub.extract.DominantProblem;
import nl.verbeterhub.extract.ExtractCommit;
import nl.verbeterhub.extract.Rejection;
import nl.verbeterhub.extract.TypeCounts;
import nl.verbeterhub.ops.AuditLog;
import nl.verbeterhub.ops.ConnectorControl;
import nl.verbeterhub.ops.ConnectorOverview;
import nl.verbeterhub.ops.ExtractActivity;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.time.Amsterdam;

/**
 * What the console's pages show, built from the hub's model: names, codes, counts, positions and times
 * (Amsterdam), never a record's content.
 */
final class ConsoleViews {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(Amsterdam.ZONE);

    private ConsoleViews() {
    }

    /** One connector as the overview and its page show it. */
    record ConnectorRow(String id, String state, String hospitalAgb, String hospitalName, String type, String route,
                        String lateSince, String retrying, String expect, ExtractRow last, ReadingRow reading) {
    }

    /** One committed extract with its counts over every record type it held. */
    record ExtractRow(String name, String sha256, String shortSha, String receivedAt, String committedAt, long read,
                      long accepted, long rejected, Map<String, Long> rejectedByReason, List<String> problems,
                      String types, long unparsable, long removed) {
    }

    /** The extract being read now. */
    record ReadingRow(String name, String since, long records) {
    }

    /** A rejection: where (file and line or entry), which record type and field, why. */
    record RejectionRow(String position, String recordType, String resourceType, String field, String reason) {
    }

    record ErrorRow(String name, String reason, String movedAt, String size, boolean folder) {
    }

    record AuditRow(String at, String user, String action, String connector, String target) {
    }

    static ConnectorRow connector(ConnectorOverview.Summary s) {
        var c = s.connector();
        return new ConnectorRow(c.id(), s.state().name(), c.agb(), c.hospitalName(), c.type().code(), s.route(),
                s.lateSince().map(ConsoleViews::time).orElse(null), s.retrying().orElse(null),
                c.expect().map(e -> "every " + nl.verbeterhub.api.ApiViews.every(e.every()) + " by " + e.by()).orElse(null),
                s.latest().map(ConsoleViews::extract).orElse(null),
                s.running().map(r -> new ReadingRow(r.name(), time(r.startedAt()), r.records())).orElse(null));
    }

    static ExtractRow extract(ExtractCommit c) {
        long read = 0;
        long accepted = 0;
        long rejected = 0;
        Map<String, Long> reasons = new LinkedHashMap<>();
        for (TypeCounts counts : c.counts().values()) {
            read += counts.read();
            accepted += counts.accepted();
            rejected += counts.rejectedTotal();
            counts.rejectedByReason().forEach((reason, n) -> reasons.merge(reason.name(), n, Long::sum));
        }
        String types = c.counts().keySet().stream().map(RecordType::name).collect(Collectors.joining(", "));
        List<String> problems = c.dominantProblems().stream().map(DominantProblem::describe).toList();
        return new ExtractRow(c.name(), c.sha256(), c.sha256().substring(0, Math.min(12, c.sha256().length())),
                time(c.receivedAt()), time(c.committedAt()), read, accepted, rejected, reasons, problems, types,
                c.report().unparsable(), c.report().removed());
    }

    static RejectionRow rejection(Rejection r) {
        return new RejectionRow(r.position().toString(), r.recordType().name(), r.resourceType(), r.field(),
                r.reason().name());
    }

    static ErrorRow errorFile(ConnectorControl.ErrorFile f) {
        return new ErrorRow(f.name(), f.reason(), time(f.movedAt()), f.folder() ? "folder" : bytes(f.bytes()), f.folder());
    }

    static AuditRow audit(AuditLog.Entry e) {
        String at;
        try {
            at = time(Instant.parse(e.at()));
        } catch (RuntimeException notAnInstant) {
            at = e.at();
        }
        return new AuditRow(at, e.user(), e.action(), e.connector(), e.target());
    }

    /** Rejections over these extracts by reason, most frequent first. */
    static Map<String, Long> reasons(List<ExtractRow> extracts) {
        Map<String, Long> sum = new LinkedHashMap<>();
        extracts.forEach(x -> x.rejectedByReason().forEach((reason, n) -> sum.merge(reason, n, Long::sum)));
        return sum.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    static String time(Instant at) {
        return at == null ? null : TIME.format(at);
    }

    /** The time of day, for "updated at". */
    static String clockTime(Instant at) {
        return TIME.format(at).substring(11);
    }

    static String bytes(long n) {
        if (n < 1024) return n + " B";
        if (n < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
        return String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
    }

    /** At most this many samples are kept per extract. */
    static int samplesKept() {
        return ExtractActivity.SAMPLES;
    }
}
