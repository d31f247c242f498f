package nl.verbeterhub.console;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.extract.ExtractCommit;
import nl.verbeterhub.extract.ExtractLog;
import nl.verbeterhub.ops.ConnectorControl;
import nl.verbeterhub.ops.ConnectorOverview;
import nl.verbeterhub.ops.ExtractActivity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A connector's page: its state, the extract being read, recent extracts with counts, rejections by reason
 * and, for one extract, its first rejections (position and field), the files in {@code .error/}; and the
 * operators' actions, each a POST with the session's CSRF token, answered by a redirect back (audited by
 * {@link ConnectorControl}).
 */
@Controller
class ConnectorController {

    static final int EXTRACTS_SHOWN = 20;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final ConsoleAccess access;
    private final ConnectorOverview overview;
    private final ConnectorControl control;
    private final ExtractLog extracts;
    private final ExtractActivity activity;

    ConnectorController(ConsoleAccess access, ConnectorOverview overview, ConnectorControl control, ExtractLog extracts,
                        ExtractActivity activity) {
        this.access = access;
        this.overview = overview;
        this.control = control;
        this.extracts = extracts;
        this.activity = activity;
    }

    @GetMapping("/connectors/{id}")
    String connector(@PathVariable String id, @RequestParam(required = false) String extract, Model model) {
        ConnectorConfig c = access.connector(id);
        List<ExtractCommit> recent = extracts.recent(c.id(), EXTRACTS_SHOWN);
        List<ConsoleViews.ExtractRow> rows = recent.stream().map(ConsoleViews::extract).toList();
        model.addAttribute("connector", ConsoleViews.connector(overview.summary(c)));
        model.addAttribute("extracts", rows);
        model.addAttribute("reasons", ConsoleViews.reasons(rows));
        Optional<ExtractCommit> chosen = chosen(c, extract, recent);
        model.addAttribute("chosen", chosen.map(ConsoleViews::extract).orElse(null));
        model.addAttribute("rejections", chosen.map(x -> activity.rejections(c.id(), x.sha256()).stream()
                .map(ConsoleViews::rejection).toList()).orElse(List.of()));
        model.addAttribute("samplesKept", ConsoleViews.samplesKept());
        model.addAttribute("errors", control.errorFiles(c).stream().map(ConsoleViews::errorFile).toList());
        return "connector";
    }

    /** The extract asked for; else the latest with rejections; else the latest. */
    private Optional<ExtractCommit> chosen(ConnectorConfig c, String sha256, List<ExtractCommit> recent) {
        if (sha256 != null && !sha256.isEmpty()) {
            if (!SHA256.matcher(sha256).matches()) throw ConsoleException.notFound("There is no such extract.");
            return Optional.of(extracts.commit(c.id(), sha256)
                    .orElseThrow(() -> ConsoleException.notFound("Connector " + c.id() + " has no extract " + sha256 + ".")));
        }
        return recent.stream().filter(x -> x.counts().values().stream().anyMatch(n -> n.rejectedTotal() > 0)).findFirst()
                .or(() -> recent.stream().findFirst());
    }

    @PostMapping("/connectors/{id}/pause")
    String pause(@PathVariable String id, RedirectAttributes flash) throws Exception {
        ConnectorConfig c = access.operatorAction(id);
        control.pause(c, access.user().name());
        flash.addFlashAttribute("notice", "Paused " + c.id() + ": its inbox is not read until it is resumed.");
        return back(c);
    }

    @PostMapping("/connectors/{id}/resume")
    String resume(@PathVariable String id, RedirectAttributes flash) throws Exception {
        ConnectorConfig c = access.operatorAction(id);
        control.resume(c, access.user().name());
        flash.addFlashAttribute("notice", "Resumed " + c.id() + ".");
        return back(c);
    }

    @PostMapping("/connectors/{id}/run")
    String runNow(@PathVariable String id, RedirectAttributes flash) throws InterruptedException {
        ConnectorConfig c = access.operatorAction(id);
        try {
            control.runNow(c, access.user().name());
            flash.addFlashAttribute("notice", "Started a run of " + c.id() + ".");
        } catch (ConnectorControl.NotApplicable e) {
            flash.addFlashAttribute("problem", "Not applicable: " + e.getMessage());
        }
        return back(c);
    }

    @PostMapping("/connectors/{id}/reprocess")
    String reprocess(@PathVariable String id, @RequestParam String file, RedirectAttributes flash) {
        ConnectorConfig c = access.operatorAction(id);
        try {
            String back = control.reprocess(c, file, access.user().name());
            flash.addFlashAttribute("notice", "Put " + file + " back into the inbox as " + back + ".");
        } catch (ConnectorControl.NoSuchErrorFile e) {
            flash.addFlashAttribute("problem", "There is no file " + file + " in .error/ (any more).");
        }
        return back(c);
    }

    private static String back(ConnectorConfig c) {
        return "redirect:/connectors/" + c.id();
    }
}
