package nl.verbeterhub.app;

import java.util.Map;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.connector.Connectors;
import nl.verbeterhub.ops.ConnectorOverview;
import nl.verbeterhub.ops.PausedConnectors;
import nl.verbeterhub.remote.RemotePulls;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One route per connector file, made from the route template of its type in routes/ ({@code csv-inbox},
 * …): the flow lives in YAML, the hospitals in connectors/.
 */
@Component
class ConnectorRoutes implements CamelContextConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorRoutes.class);

    private final Connectors connectors;
    private final PausedConnectors paused;

    ConnectorRoutes(Connectors connectors, PausedConnectors paused) {
        this.connectors = connectors;
        this.paused = paused;
    }

    public static String routeId(String connectorId) {
        return ConnectorOverview.routeId(connectorId);
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        for (ConnectorConfig c : connectors.all()) {
            // Every route is added stopped: it starts once this instance serves the connector's hospital
            // (OwnedConnectors), unless an operator paused it.
            boolean paused = this.paused.isPaused(c.id());
            try {
                camelContext.addRouteFromTemplate(routeId(c.id()), c.readsFhir() ? "fhir-inbox" : "csv-inbox", Map.of(
                        "connectorId", c.id(),
                        "inbox", c.inbox().toAbsolutePath().toString(),
                        "delay", String.valueOf(c.pollDelay().toMillis()),
                        "autoStartup", "false"));
                if (c.type().remote()) {
                    camelContext.addRouteFromTemplate(ConnectorOverview.pullRouteId(c.id()), c.type().code(),
                            RemotePulls.parameters(c));
                }
                LOG.info("Connector {} ({} {}, {}) reads {}{}", c.id(), c.agb(), c.hospitalName(), c.type().code(), c.inbox(),
                        paused ? " — paused by an operator" : "");
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the route of connector " + c.id(), e);
            }
        }
    }
}
