package nl.verbeterhub.connector;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The connectors loaded at start-up, by id. */
public final class Connectors {

    private final Map<String, ConnectorConfig> byId = new LinkedHashMap<>();

    public Connectors(List<ConnectorConfig> connectors) {
        connectors.forEach(c -> byId.put(c.id(), c));
    }

    public ConnectorConfig get(String id) {
        ConnectorConfig c = byId.get(id);
        if (c == null) throw new IllegalArgumentException("no connector " + id);
        return c;
    }

    public List<ConnectorConfig> all() {
        return List.copyOf(byId.values());
    }

    /** The display name of a hospital as its connector files give it; the AGB when none is configured. */
    public String hospitalName(String agb) {
        return byId.values().stream().filter(c -> c.agb().equals(agb)).map(ConnectorConfig::hospitalName)
                .findFirst().orElse(agb);
    }
}
