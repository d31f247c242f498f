package nl.verbeterhub.health;

import nl.verbeterhub.status.HubReadiness;
import nl.verbeterhub.status.ConnectorStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.verbeterhub.extract.ExtractLog;
import nl.verbeterhub.kafka.Ownership;
import nl.verbeterhub.kafka.StateApplier;
import nl.verbeterhub.ops.ConnectorOverview;
import nl.verbeterhub.ops.ConnectorState;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * DOWN while the state is not restored, when applying it fails, or when a connector's route stopped
 * (not by an operator's pause); the details per connector give its state (LATE, PAUSED and ELSEWHERE leave
 * the hub UP), what it did last and whether it is waiting to retry.
 */
@Component("hub")
public class HubHealthIndicator implements HealthIndicator {

    private final HubReadiness readiness;
    private final StateApplier applier;
    private final ConnectorOverview overview;
    private final ConnectorStatus status;
    private final ExtractLog extracts;
    private final Ownership ownership;

    public HubHealthIndicator(HubReadiness readiness, StateApplier applier, ConnectorOverview overview,
                              ConnectorStatus status, ExtractLog extracts, Ownership ownership) {
        this.ownership = ownership;
        this.extracts = extracts;
        this.readiness = readiness;
        this.applier = applier;
        this.overview = overview;
        this.status = status;
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
        // Which hospitals this instance serves: the record-state partitions the instances' group gave it.
        health.withDetail("partitions", ownership.owned());
        Map<String, Object> perConnector = new LinkedHashMap<>();
        for (ConnectorOverview.Summary s : overview.all()) {
            String id = s.connector().id();
            Map<String, Object> d = new LinkedHashMap<>();
            // LATE and PAUSED are details of an UP hub (domain.md §8); a route that stopped is DOWN.
            d.put("state", s.state().name());
            d.put("route", s.route());
            s.lateSince().ifPresent(at -> d.put("lateSince", at.toString()));
            d.putAll(status.details(id));
            // Part of an extract is committed but not all of it: its drafts wait until it is read again.
            extracts.openExtract(id).ifPresent(open -> d.put("halfWayExtract",
                    Map.of("name", open.name(), "sha256", open.sha256(), "begunAt", open.begunAt().toString())));
            perConnector.put(id, d);
            if (s.state() == ConnectorState.DOWN) health.down();
            // An extract that cannot be committed because the brokers do not take it: the hub is DOWN, not the source.
            if (status.retryingOnBrokers(id)) health.down().withDetail("brokers", "extracts wait for the Kafka brokers");
        }
        health.withDetail("connectors", perConnector);
        return health.build();
    }
}
