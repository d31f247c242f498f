package nl.verbeterhub.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.verbeterhub.ops.AuditLog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operators' actions, newest first: who, what, when, on which connector. Operators only. */
@RestController
class AuditApi {

    private final ApiAccess access;
    private final AuditLog audit;

    AuditApi(ApiAccess access, AuditLog audit) {
        this.access = access;
        this.audit = audit;
    }

    @GetMapping("/api/v1/audit")
    ObjectNode audit(@RequestParam(defaultValue = "100") int limit) {
        if (!access.reader().operator()) throw ApiException.forbidden("only operators read the audit log");
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ArrayNode list = o.putArray("actions");
        audit.latest(Math.max(1, Math.min(limit, 1000))).forEach(e -> {
            ObjectNode a = list.addObject().put("at", e.at()).put("user", e.user()).put("action", e.action())
                    .put("connector", e.connector());
            if (e.target() != null) a.put("target", e.target());
        });
        return o;
    }
}
