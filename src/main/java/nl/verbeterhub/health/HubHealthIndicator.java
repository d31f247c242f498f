package nl.verbeterhub.health;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.connector.Connectors;
import nl.verbeterhub.extract.ExtractLog;
import nl.verbeterhub.kafka.StateApplier;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * DOWN while the state is not restored, when applying it fails, or when a connector's route stopped;
 * the details per connector say what it did last and whether it is waiting to retry.
 */
@Component("hub")
public class HubHealthIndicator implements HealthIndicator {

    private final HubReadiness readiness;
    private final StateApplier applier;
    private final Connectors connectors;
    private final ConnectorStatus status;
    private final CamelContext camel;
    private final ExtractLog extracts;

    public HubHealthIndicator(HubReadiness readiness, StateApplier applier, Connectors connectors,
                              ConnectorStatus status, CamelContext camel, ExtractLog extracts) {
        this.extracts = extracts;
        this.readiness = readiness;
        this.applier = applier;
        this.connectors = connectors;
        this.status = status;
        this.camel = camel;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        if (!readiness.isReady()) {
            health.down().withDetail("startup", readiness.waitingFor());
        } else if (applier.lastError() != null || !applier.following()) {
            health.down().withDetail("state", "applying the record state fails: " + applier.lastError());
        } else {
            health.withDetail("state", "restored and following");
        }
        Map<String, Object> perConnector = new LinkedHashMap<>();
        for (ConnectorConfig c : connectors.all()) {
            ServiceStatus route = camel.getRouteController().getRouteStatus("inbox-" + c.id());
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("route", route == null ? "MISSING" : route.name());
            d.putAll(status.details(c.id()));
            // Part of an extract is committed but not all of it: its drafts wait until it is read again.
            extracts.openExtract(c.id()).ifPresent(open -> d.put("halfWayExtract",
                    Map.of("name", open.name(), "sha256", open.sha256(), "begunAt", open.begunAt().toString())));
            perConnector.put(c.id(), d);
            if (route == null || !route.isStarted()) {
                health.down();
            }
        }
        health.withDetail("connectors", perConnector);
        return health.build();
    }
}
