package nl.verbeterhub.console;

import java.time.Instant;
import java.util.List;
import nl.verbeterhub.access.HubUser;
import nl.verbeterhub.ops.AuditLog;
import nl.verbeterhub.ops.ConnectorOverview;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's start page: the connectors this user sees, those that need attention first; and its login page. */
@Controller
class OverviewController {

    static final int AUDIT_SHOWN = 10;

    private final ConsoleAccess access;
    private final ConnectorOverview overview;
    private final AuditLog audit;

    OverviewController(ConsoleAccess access, ConnectorOverview overview, AuditLog audit) {
        this.access = access;
        this.overview = overview;
        this.audit = audit;
    }

    @GetMapping("/")
    String overview(Model model) {
        HubUser user = access.user();
        // ConnectorOverview sorts DOWN, LATE, RETRYING, PAUSED, OK: what needs attention first.
        List<ConsoleViews.ConnectorRow> rows = overview.all().stream().filter(s -> user.sees(s.connector().agb()))
                .map(ConsoleViews::connector).toList();
        model.addAttribute("connectors", rows);
        model.addAttribute("updated", ConsoleViews.clockTime(Instant.now()));
        model.addAttribute("attention", rows.stream().filter(r -> !r.state().equals("OK")).count());
        model.addAttribute("audit", user.operator()
                ? audit.latest(AUDIT_SHOWN).stream().map(ConsoleViews::audit).toList() : List.of());
        return "overview";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
