package nl.verbeterhub.app;

import java.util.Map;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.connector.Connectors;
import nl.verbeterhub.ops.ConnectorControl;
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
    private final ConnectorControl control;

    ConnectorRoutes(Connectors connectors, ConnectorControl control) {
        this.connectors = connectors;
        this.control = control;
    }

    public static String routeId(String connectorId) {
        return "inbox-" + connectorId;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        for (ConnectorConfig c : connectors.all()) {
            try {
                camelContext.addRouteFromTemplate(routeId(c.id()), c.type().code(), Map.of(
                        "connectorId", c.id(),
                        "inbox", c.inbox().toAbsolutePath().toString(),
                        "delay", String.valueOf(c.pollDelay().toMillis())));
                LOG.info("Connector {} ({} {}, {}) reads {}", c.id(), c.agb(), c.hospitalName(), c.type().code(), c.inbox());
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the route of connector " + c.id(), e);
            }
        }
        try {
            control.applyPauses();
        } catch (Exception e) {
            throw new IllegalStateException("cannot pause the connectors an operator paused", e);
        }
    }
}
