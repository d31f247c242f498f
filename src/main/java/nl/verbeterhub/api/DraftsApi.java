package nl.verbeterhub.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nl.verbeterhub.access.HubUser;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.connector.Connectors;
import nl.verbeterhub.draft.Draft;
import nl.verbeterhub.draft.PublishedDrafts;
import nl.verbeterhub.theme.Theme;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The drafts as published on the drafts topic, per hospital, theme and year: aggregates only. */
@RestController
@RequestMapping("/api/v1/hospitals")
class DraftsApi {

    private final ApiAccess access;
    private final Connectors connectors;
    private final PublishedDrafts drafts;

    DraftsApi(ApiAccess access, Connectors connectors, PublishedDrafts drafts) {
        this.access = access;
        this.connectors = connectors;
        this.drafts = drafts;
    }

    /** The hospitals this user sees (those with a connector), with their names. */
    @GetMapping
    ObjectNode hospitals() {
        HubUser user = access.reader();
        Map<String, String> hospitals = new TreeMap<>();
        for (ConnectorConfig c : connectors.all()) {
            if (user.sees(c.agb())) hospitals.put(c.agb(), c.hospitalName());
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ArrayNode list = o.putArray("hospitals");
        hospitals.forEach((agb, name) -> list.addObject().put("agb", agb).put("name", name)
                .put("drafts", drafts.drafts(agb).size()));
        return o;
    }

    /** A hospital's drafts, optionally of one theme and year, in key order. */
    @GetMapping("/{agb}/drafts")
    ObjectNode drafts(@PathVariable String agb, @RequestParam(required = false) String theme,
                      @RequestParam(required = false) Integer year) {
        access.hospital(agb);
        Theme wanted = theme == null ? null : theme(theme);
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("agb", agb).put("name", connectors.hospitalName(agb));
        ArrayNode list = o.putArray("drafts");
        drafts.drafts(agb).forEach((key, value) -> {
            String[] parts = key.split(":");
            if (wanted != null && !parts[1].equals(wanted.name())) return;
            if (year != null && !parts[2].equals(year.toString())) return;
            list.add(value);
        });
        return o;
    }

    @GetMapping("/{agb}/drafts/{theme}/{year}")
    ObjectNode draft(@PathVariable String agb, @PathVariable String theme, @PathVariable int year) {
        access.hospital(agb);
        ObjectNode value = drafts.drafts(agb).get(Draft.key(agb, theme(theme), year));
        if (value == null) throw ApiException.notFound("no draft of " + agb + " " + theme + " " + year);
        return value;
    }

    private static Theme theme(String name) {
        try {
            return Theme.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("no theme " + name + " ("
                    + Theme.values().stream().map(Theme::name).collect(Collectors.joining(", ")) + ")");
        }
    }
}
