package nl.verbeterhub.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.SortedMap;
import nl.verbeterhub.connector.Connectors;
import nl.verbeterhub.draft.PublishedDrafts;
import nl.verbeterhub.ops.ConnectorOverview;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A hospital's drafts as published: per theme its indicators, each year side by side, with charts. */
@Controller
class HospitalController {

    private final ConsoleAccess access;
    private final Connectors connectors;
    private final PublishedDrafts published;
    private final ConnectorOverview overview;

    HospitalController(ConsoleAccess access, Connectors connectors, PublishedDrafts published, ConnectorOverview overview) {
        this.access = access;
        this.connectors = connectors;
        this.published = published;
        this.overview = overview;
    }

    @GetMapping("/hospitals/{agb}")
    String hospital(@PathVariable String agb, Model model) {
        access.hospital(agb);
        SortedMap<String, ObjectNode> drafts = published.drafts(agb);
        model.addAttribute("agb", agb);
        model.addAttribute("name", connectors.hospitalName(agb));
        model.addAttribute("themes", DraftView.themes(drafts));
        model.addAttribute("chartData", DraftCharts.json(drafts));
        model.addAttribute("connectors", overview.all().stream().filter(s -> s.connector().agb().equals(agb))
                .map(ConsoleViews::connector).toList());
        return "hospital";
    }
}
