package nl.verbeterhub.access;

import java.util.Set;

/**
 * Who is asking (issue 17, "Who sees what"): an operator sees and does everything; a hospital user sees
 * the connectors, extracts, rejections and drafts of the AGBs assigned to them and may upload to those
 * connectors; an upload token may only upload to its one connector.
 *
 * @param uploadConnector the connector an upload token belongs to; null for a person
 */
public record HubUser(String name, boolean operator, Set<String> agbs, String uploadConnector) {

    public HubUser {
        agbs = Set.copyOf(agbs);
    }

    public static HubUser operator(String name) {
        return new HubUser(name, true, Set.of(), null);
    }

    public static HubUser hospital(String name, Set<String> agbs) {
        return new HubUser(name, false, agbs, null);
    }

    public static HubUser uploadToken(String connector, String agb) {
        return new HubUser("token:" + connector, false, Set.of(agb), connector);
    }

    /** Whether this user may see what belongs to this hospital. */
    public boolean sees(String agb) {
        return operator || uploadConnector == null && agbs.contains(agb);
    }

    /** Whether this user may push an extract to this connector of this hospital. */
    public boolean mayUpload(String connector, String agb) {
        return operator || (uploadConnector == null ? agbs.contains(agb) : uploadConnector.equals(connector));
    }

    public boolean isToken() {
        return uploadConnector != null;
    }
}
