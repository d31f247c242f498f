package nl.verbeterhub.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.verbeterhub.extract.ExtractCommit;
import nl.verbeterhub.extract.Rejection;
import nl.verbeterhub.extract.TypeCounts;
import nl.verbeterhub.ops.ConnectorControl;
import nl.verbeterhub.ops.ConnectorOverview;

/**
 * The API's JSON, built from what the hub keeps: counts, names, positions and codes, never content. The
 * console renders the same views.
 */
public final class ApiViews {

    private ApiViews() {
    }

    public static ObjectNode connector(ConnectorOverview.Summary s) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", s.connector().id());
        o.put("type", s.connector().type().code());
        o.putObject("hospital").put("agb", s.connector().agb()).put("name", s.connector().hospitalName());
        o.put("state", s.state().name());
        o.put("route", s.route());
        s.lateSince().ifPresent(at -> o.put("lateSince", at.toString()));
        s.retrying().ifPresent(why -> o.put("retrying", why));
        s.connector().expect().ifPresent(e -> o.putObject("expect").put("every", every(e.every()))
                .put("by", e.by().toString()));
        s.latest().ifPresent(c -> o.set("lastExtract", extract(c)));
        s.running().ifPresent(r -> o.putObject("reading").put("name", r.name()).put("startedAt", r.startedAt().toString())
                .put("recordsSoFar", r.records()));
        return o;
    }

    /** As a connector file writes it: {@code P1D}, {@code P7D}, {@code PT6H} (Duration alone would say PT24H). */
    public static String every(Duration every) {
        return every.toHours() % 24 == 0 ? "P" + every.toDays() + "D" : every.toString();
    }

    /** An extract's report: what {@code validate} prints for it, as JSON. */
    public static ObjectNode extract(ExtractCommit c) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("name", c.name());
        o.put("sha256", c.sha256());
        o.put("receivedAt", c.receivedAt().toString());
        o.put("committedAt", c.committedAt().toString());
        if (!c.dominantProblems().isEmpty()) {
            // First, as in validate's summary: most records of a type rejected for one reason, with the values' shape.
            ArrayNode problems = o.putArray("dominantProblems");
            c.dominantProblems().forEach(p -> problems.addObject().put("recordType", p.type().name()).put("field", p.field())
                    .put("reason", p.reason().name()).put("count", p.count()).put("of", p.of()).put("shape", p.shape())
                    .put("summary", p.describe()));
        }
        ObjectNode records = o.putObject("records");
        c.counts().forEach((type, counts) -> records.set(type.name(), counts(counts)));
        if (!c.report().resourcesRead().isEmpty()) {
            ObjectNode resources = o.putObject("resourcesRead");
            c.report().resourcesRead().forEach(resources::put);
        }
        o.put("unparsable", c.report().unparsable());
        if (!c.report().firstUnparsable().isEmpty()) {
            c.report().firstUnparsable().forEach(o.putArray("firstUnparsable")::add);
        }
        o.put("removed", c.report().removed());
        if (c.report().transactionTime() != null) o.put("transactionTime", c.report().transactionTime().toString());
        return o;
    }

    private static ObjectNode counts(TypeCounts counts) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("read", counts.read());
        o.put("accepted", counts.accepted());
        ObjectNode rejected = o.putObject("rejected");
        counts.rejectedByReason().forEach((reason, n) -> rejected.put(reason.name(), n));
        return o;
    }

    /** A rejection as on the rejections topic, without the hospital and extract it is listed under. */
    public static ObjectNode rejection(Rejection r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        r.position().write(o.putObject("position"));
        o.put("recordType", r.recordType().name());
        if (r.resourceType() != null) o.put("resourceType", r.resourceType());
        o.put("field", r.field());
        o.put("reason", r.reason().name());
        return o;
    }

    public static ObjectNode errorFile(ConnectorControl.ErrorFile f) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("name", f.name());
        o.put("reason", f.reason());
        o.put("movedAt", f.movedAt().toString());
        o.put("bytes", f.bytes());
        o.put("folder", f.folder());
        return o;
    }

    static Map<String, Object> list(String name, List<?> items) {
        return Map.of(name, items);
    }
}
