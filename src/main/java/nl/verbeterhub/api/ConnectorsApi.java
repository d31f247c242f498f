package nl.verbeterhub.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import nl.verbeterhub.access.HubUser;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.extract.ExtractCommit;
import nl.verbeterhub.extract.ExtractLog;
import nl.verbeterhub.ops.ConnectorControl;
import nl.verbeterhub.ops.ConnectorOverview;
import nl.verbeterhub.ops.ExtractActivity;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Connectors as Kafka Connect's REST API shows them — status, last extract, counts and rejection reasons —
 * and the operators' actions: pause, resume, run now, re-process a file from {@code .error/}.
 */
@RestController
@RequestMapping("/api/v1/connectors")
class ConnectorsApi {

    static final int MAX_EXTRACTS = 100;

    private final ApiAccess access;
    private final ConnectorOverview overview;
    private final ConnectorControl control;
    private final ExtractLog extracts;
    private final ExtractActivity activity;

    ConnectorsApi(ApiAccess access, ConnectorOverview overview, ConnectorControl control, ExtractLog extracts,
                  ExtractActivity activity) {
        this.access = access;
        this.overview = overview;
        this.control = control;
        this.extracts = extracts;
        this.activity = activity;
    }

    /** The connectors this user sees, DOWN and LATE first. */
    @GetMapping
    ObjectNode connectors() {
        HubUser user = access.reader();
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ArrayNode list = o.putArray("connectors");
        overview.all().stream().filter(s -> user.sees(s.connector().agb())).forEach(s -> list.add(ApiViews.connector(s)));
        return o;
    }

    @GetMapping("/{id}")
    ObjectNode connector(@PathVariable String id) {
        ConnectorConfig c = access.connector(id);
        ObjectNode o = ApiViews.connector(overview.summary(c));
        ObjectNode rejected = o.putObject("rejectedByReason");
        // Over the recent extracts: what goes wrong with this source, most often first.
        Map<String, Long> reasons = new TreeMap<>();
        extracts.recent(c.id(), MAX_EXTRACTS).forEach(commit -> commit.counts().values().forEach(counts ->
                counts.rejectedByReason().forEach((reason, n) -> reasons.merge(reason.name(), n, Long::sum))));
        reasons.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> rejected.put(e.getKey(), e.getValue()));
        return o;
    }

    /** Recent extracts, the latest first, with their counts. */
    @GetMapping("/{id}/extracts")
    ObjectNode extracts(@PathVariable String id, @RequestParam(defaultValue = "20") int limit) {
        ConnectorConfig c = access.connector(id);
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ArrayNode list = o.putArray("extracts");
        extracts.recent(c.id(), Math.max(1, Math.min(limit, MAX_EXTRACTS))).forEach(commit -> list.add(ApiViews.extract(commit)));
        return o;
    }

    /** One extract with its first rejections (reason, position, field — never content). */
    @GetMapping("/{id}/extracts/{sha256}")
    ObjectNode extract(@PathVariable String id, @PathVariable String sha256) {
        ConnectorConfig c = access.connector(id);
        ExtractCommit commit = extracts.commit(c.id(), sha256)
                .orElseThrow(() -> ApiException.notFound("no extract " + sha256 + " of " + id));
        ObjectNode o = ApiViews.extract(commit);
        ArrayNode rejections = o.putArray("rejections");
        activity.rejections(c.id(), sha256).forEach(r -> rejections.add(ApiViews.rejection(r)));
        o.put("rejectionsShown", rejections.size());
        return o;
    }

    /** The files in {@code .error/} with the reason the hub gave each. */
    @GetMapping("/{id}/errors")
    ObjectNode errors(@PathVariable String id) {
        ConnectorConfig c = access.connector(id);
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ArrayNode list = o.putArray("errors");
        control.errorFiles(c).forEach(f -> list.add(ApiViews.errorFile(f)));
        return o;
    }

    @PostMapping("/{id}/errors/{name}/reprocess")
    ResponseEntity<ObjectNode> reprocess(@PathVariable String id, @PathVariable String name) {
        ConnectorConfig c = access.operatorAction(id);
        String back = control.reprocess(c, name, access.user().name());
        return ResponseEntity.accepted().body(JsonNodeFactory.instance.objectNode().put("inbox", back));
    }

    @PostMapping("/{id}/pause")
    ObjectNode pause(@PathVariable String id) throws Exception {
        ConnectorConfig c = access.operatorAction(id);
        control.pause(c, access.user().name());
        return ApiViews.connector(overview.summary(c));
    }

    @PostMapping("/{id}/resume")
    ObjectNode resume(@PathVariable String id) throws Exception {
        ConnectorConfig c = access.operatorAction(id);
        control.resume(c, access.user().name());
        return ApiViews.connector(overview.summary(c));
    }

    @PostMapping("/{id}/run")
    ObjectNode run(@PathVariable String id) throws InterruptedException {
        ConnectorConfig c = access.operatorAction(id);
        control.runNow(c, access.user().name());
        return ApiViews.connector(overview.summary(c));
    }
}
