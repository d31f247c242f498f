package nl.verbeterhub.api;

import nl.verbeterhub.access.CurrentUser;
import nl.verbeterhub.access.HubUser;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.connector.Connectors;
import org.springframework.stereotype.Component;

/**
 * The checks every endpoint makes after authentication (§8: authentication first, then the lookup): an
 * unknown connector is 404, another hospital's 403, an operator's action by anyone else 403.
 */
@Component
public class ApiAccess {

    private final CurrentUser current;
    private final Connectors connectors;

    public ApiAccess(CurrentUser current, Connectors connectors) {
        this.current = current;
        this.connectors = connectors;
    }

    public HubUser user() {
        return current.get();
    }

    /** A person (operator or hospital user): an upload token reads nothing. */
    public HubUser reader() {
        HubUser user = user();
        if (user.isToken()) throw ApiException.forbidden("an upload token may only push extracts to its connector");
        return user;
    }

    /** A connector this user may see. */
    public ConnectorConfig connector(String id) {
        ConnectorConfig c = connectors.all().stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> ApiException.notFound("no connector " + id));
        if (!user().sees(c.agb())) throw ApiException.forbidden("connector " + id + " belongs to another hospital");
        return c;
    }

    /** A connector this user may push extracts to. */
    public ConnectorConfig uploadTarget(String id) {
        ConnectorConfig c = connectors.all().stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> ApiException.notFound("no connector " + id));
        if (!user().mayUpload(c.id(), c.agb())) throw ApiException.forbidden("this user may not push extracts to " + id);
        return c;
    }

    /** A connector an operator acts on. */
    public ConnectorConfig operatorAction(String id) {
        ConnectorConfig c = connector(id);
        if (!user().operator()) throw ApiException.forbidden("only operators pause, resume, run and re-process");
        return c;
    }

    /** A hospital this user may see. */
    public String hospital(String agb) {
        if (!agb.matches("\\d{8}")) throw ApiException.notFound("no hospital " + agb);
        if (!user().sees(agb)) throw ApiException.forbidden("hospital " + agb + " is not one of this user's");
        return agb;
    }
}
