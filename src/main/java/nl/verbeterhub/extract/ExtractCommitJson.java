package nl.verbeterhub.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.verbeterhub.json.HubJson;
import nl.verbeterhub.record.ReasonCode;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.theme.Theme;

/** The commit marker as JSON on the extracts topic, keyed {@code {agb}:{connector}:{sha256}}. */
public final class ExtractCommitJson {

    private ExtractCommitJson() {
    }

    private static final String BEGUN = "begun";

    public static String key(ExtractCommit c) {
        return c.agb() + ":" + c.connector() + ":" + c.sha256();
    }

    /** One per connector: the extract it has begun committing in parts; a tombstone when it finished. */
    public static String begunKey(String agb, String connector) {
        return agb + ":" + connector + ":" + BEGUN;
    }

    public static boolean isBegunKey(String key) {
        return key.endsWith(":" + BEGUN);
    }

    public static String connectorOfBegunKey(String key) {
        return key.substring(key.indexOf(':') + 1, key.lastIndexOf(':'));
    }

    public static byte[] writeBegun(ExtractLog.OpenExtract e) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("agb", e.agb());
        o.put("connector", e.connector());
        o.put("sha256", e.sha256());
        o.put("name", e.name());
        var themes = o.putArray("themes");
        e.themes().forEach(t -> themes.add(t.name()));
        o.put("begunAt", e.begunAt().toString());
        try {
            return HubJson.MAPPER.writeValueAsBytes(o);
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public static ExtractLog.OpenExtract readBegun(byte[] bytes) throws IOException {
        JsonNode o = HubJson.MAPPER.readTree(bytes);
        Set<Theme> themes = new TreeSet<>();
        o.get("themes").forEach(t -> themes.add(Theme.valueOf(t.asText())));
        return new ExtractLog.OpenExtract(o.get("agb").asText(), o.get("connector").asText(), o.get("sha256").asText(),
                o.get("name").asText(), themes, Instant.parse(o.get("begunAt").asText()));
    }

    public static byte[] write(ExtractCommit c) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("agb", c.agb());
        o.put("connector", c.connector());
        o.put("name", c.name());
        o.put("sha256", c.sha256());
        o.put("receivedAt", c.receivedAt().toString());
        o.put("committedAt", c.committedAt().toString());
        ObjectNode counts = o.putObject("counts");
        c.counts().forEach((type, n) -> {
            ObjectNode t = counts.putObject(type.name());
            t.put("read", n.read());
            t.put("accepted", n.accepted());
            ObjectNode rejected = t.putObject("rejectedByReason");
            n.rejectedByReason().forEach((reason, count) -> rejected.put(reason.name(), count));
        });
        if (!c.report().isEmpty()) writeReport(o.putObject("source"), c.report());
        if (!c.dominantProblems().isEmpty()) writeProblems(o.putArray("dominantProblems"), c.dominantProblems());
        try {
            return HubJson.MAPPER.writeValueAsBytes(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ExtractCommit read(byte[] bytes) throws IOException {
        JsonNode o = HubJson.MAPPER.readTree(bytes);
        Map<RecordType, TypeCounts> counts = new TreeMap<>();
        o.get("counts").fields().forEachRemaining(e -> {
            Map<ReasonCode, Long> rejected = new EnumMap<>(ReasonCode.class);
            e.getValue().get("rejectedByReason").fields()
                    .forEachRemaining(r -> rejected.put(ReasonCode.valueOf(r.getKey()), r.getValue().asLong()));
            counts.put(RecordType.valueOf(e.getKey()),
                    new TypeCounts(e.getValue().get("read").asLong(), e.getValue().get("accepted").asLong(), rejected));
        });
        return new ExtractCommit(o.get("agb").asText(), o.get("connector").asText(), o.get("name").asText(),
                o.get("sha256").asText(), Instant.parse(o.get("receivedAt").asText()),
                Instant.parse(o.get("committedAt").asText()), counts, readReport(o.get("source")),
                readProblems(o.get("dominantProblems")));
    }

    /** Shapes, counts and codes only; absent when there are none (and in markers written before them). */
    private static void writeProblems(ArrayNode array, List<DominantProblem> problems) {
        for (DominantProblem p : problems) {
            ObjectNode o = array.addObject();
            o.put("recordType", p.type().name());
            if (p.field() != null) o.put("field", p.field());
            o.put("reason", p.reason().name());
            o.put("count", p.count());
            o.put("of", p.of());
            if (p.shape() != null) o.put("shape", p.shape());
        }
    }

    private static List<DominantProblem> readProblems(JsonNode array) {
        if (array == null || !array.isArray()) return List.of();
        List<DominantProblem> problems = new ArrayList<>();
        for (JsonNode p : array) {
            problems.add(new DominantProblem(RecordType.valueOf(p.get("recordType").asText()),
                    p.hasNonNull("field") ? p.get("field").asText() : null, ReasonCode.valueOf(p.get("reason").asText()),
                    p.get("count").asLong(), p.get("of").asLong(), p.hasNonNull("shape") ? p.get("shape").asText() : null));
        }
        return problems;
    }

    /** What the source saw besides records: counts and positions, never content. */
    private static void writeReport(ObjectNode o, SourceReport report) {
        ObjectNode resources = o.putObject("resourcesRead");
        report.resourcesRead().forEach(resources::put);
        o.put("unparsable", report.unparsable());
        var first = o.putArray("firstUnparsable");
        report.firstUnparsable().forEach(first::add);
        o.put("removed", report.removed());
        if (report.transactionTime() != null) o.put("transactionTime", report.transactionTime().toString());
    }

    private static SourceReport readReport(JsonNode o) {
        if (o == null) return SourceReport.NONE;
        Map<String, Long> resources = new TreeMap<>();
        o.get("resourcesRead").fields().forEachRemaining(e -> resources.put(e.getKey(), e.getValue().asLong()));
        List<String> first = new ArrayList<>();
        o.get("firstUnparsable").forEach(p -> first.add(p.asText()));
        Instant transactionTime = o.hasNonNull("transactionTime") ? Instant.parse(o.get("transactionTime").asText()) : null;
        return new SourceReport(resources, o.get("unparsable").asLong(), first, o.get("removed").asLong(), transactionTime);
    }
}
