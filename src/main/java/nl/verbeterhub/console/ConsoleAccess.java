package nl.verbeterhub.console;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import nl.verbeterhub.access.CurrentUser;
import nl.verbeterhub.access.HubUser;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.connector.Connectors;
import nl.verbeterhub.draft.PublishedDrafts;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who sees what in the console, checked after login as the API checks it: another hospital's connector or
 * hospital is 403, an unknown one 404, an operator's action by anyone else 403.
 */
@Component
class ConsoleAccess {

    private static final Pattern AGB = Pattern.compile("\\d{8}");

    private final CurrentUser current;
    private final Connectors connectors;
    private final PublishedDrafts drafts;

    ConsoleAccess(CurrentUser current, Connectors connectors, PublishedDrafts drafts) {
        this.current = current;
        this.connectors = connectors;
        this.drafts = drafts;
    }

    HubUser user() {
        return current.get();
    }

    /** The logged-in person, if any (the login and error pages have none). */
    Optional<HubUser> userIfAny() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a == null || !a.isAuthenticated() || a instanceof AnonymousAuthenticationToken) return Optional.empty();
        try {
            return Optional.of(current.of(a));
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** A connector this user may see. */
    ConnectorConfig connector(String id) {
        ConnectorConfig c = connectors.all().stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> ConsoleException.notFound("There is no connector " + id + "."));
        if (!user().sees(c.agb())) throw ConsoleException.forbidden("Connector " + id + " belongs to another hospital.");
        return c;
    }

    /** A connector an operator acts on. */
    ConnectorConfig operatorAction(String id) {
        ConnectorConfig c = connector(id);
        if (!user().operator()) throw ConsoleException.forbidden("Only operators pause, resume, run and re-process.");
        return c;
    }

    /** A hospital this user may see: one with a connector or drafts, or one of the user's own. */
    String hospital(String agb) {
        if (!AGB.matcher(agb).matches()) throw ConsoleException.notFound("There is no hospital " + agb + ".");
        HubUser user = user();
        if (!user.sees(agb)) throw ConsoleException.forbidden("Hospital " + agb + " is not one of yours.");
        boolean known = user.agbs().contains(agb) || connectors.all().stream().anyMatch(c -> c.agb().equals(agb))
                || !drafts.drafts(agb).isEmpty();
        if (!known) throw ConsoleException.notFound("There is no hospital " + agb + ".");
        return agb;
    }

    /** The hospitals this user sees, AGB → name: those with a connector, and the user's own. */
    Map<String, String> hospitals(HubUser user) {
        Map<String, String> hospitals = new TreeMap<>();
        for (ConnectorConfig c : connectors.all()) {
            if (user.sees(c.agb())) hospitals.put(c.agb(), c.hospitalName());
        }
        user.agbs().forEach(agb -> hospitals.putIfAbsent(agb, connectors.hospitalName(agb)));
        return hospitals;
    }
}
