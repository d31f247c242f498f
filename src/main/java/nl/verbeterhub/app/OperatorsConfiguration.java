package nl.verbeterhub.app;

import java.time.Clock;
import nl.verbeterhub.config.HubProperties;
import nl.verbeterhub.connector.Connectors;
import nl.verbeterhub.extract.ExtractLog;
import nl.verbeterhub.status.ConnectorStatus;
import nl.verbeterhub.metrics.HubMetrics;
import nl.verbeterhub.ops.AuditLog;
import nl.verbeterhub.ops.ConnectorControl;
import nl.verbeterhub.ops.ConnectorOverview;
import nl.verbeterhub.ops.ConnectorState;
import nl.verbeterhub.ops.ExtractActivity;
import nl.verbeterhub.ops.OwnedConnectors;
import nl.verbeterhub.ops.PausedConnectors;
import nl.verbeterhub.ops.RunNow;
import org.apache.camel.CamelContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What operators work with: the connectors' overview, their actions, the audit log (data/operator/). */
@Configuration(proxyBeanMethods = false)
class OperatorsConfiguration {

    @Bean
    PausedConnectors pausedConnectors(HubProperties properties) {
        return new PausedConnectors(properties.dataDir().resolve("operator").resolve("paused"));
    }

    @Bean
    AuditLog auditLog(HubProperties properties, Clock clock) {
        return new AuditLog(properties.dataDir().resolve("operator").resolve("audit.log"), clock);
    }

    @Bean
    OwnedConnectors ownedConnectors(CamelContext camel, Connectors connectors, PausedConnectors paused,
                                    HubProperties properties) {
        return new OwnedConnectors(camel, connectors, paused, properties.kafka().handoverTimeout());
    }

    @Bean
    ConnectorControl connectorControl(CamelContext camel, PausedConnectors paused, AuditLog audit, RunNow runNow,
                                      OwnedConnectors owned) {
        return new ConnectorControl(camel, paused, audit, runNow, owned::servedHere);
    }

    @Bean
    ConnectorOverview connectorOverview(Connectors connectors, ConnectorStatus status, ExtractLog extracts,
                                        ExtractActivity activity, PausedConnectors paused, CamelContext camel, Clock clock,
                                        HubMetrics metrics, OwnedConnectors owned) {
        ConnectorOverview overview = new ConnectorOverview(connectors, status, extracts, activity, paused, camel, clock,
                owned::servedHere);
        // verbeterhub_connector_late: the same LATE as health shows, for alert rules.
        metrics.lateness(id -> overview.summary(connectors.get(id)).state() == ConnectorState.LATE ? 1 : 0);
        return overview;
    }
}
