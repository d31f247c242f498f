package nl.verbeterhub.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code verbeterhub_health}: 1 while {@code /actuator/health} says UP, 0 when it says anything else
 * (DOWN, OUT_OF_SERVICE), so that an alert rule sees a DOWN hub that still answers scrapes. Evaluated
 * at each scrape; NaN when the health endpoint is not there.
 */
@Component
public class HealthGauge implements MeterBinder {

    public static final String NAME = "verbeterhub.health";

    private final ObjectProvider<HealthEndpoint> health;

    public HealthGauge(ObjectProvider<HealthEndpoint> health) {
        this.health = health;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(NAME, this, HealthGauge::value)
                .description("1 while /actuator/health is UP, 0 when DOWN or OUT_OF_SERVICE")
                .register(registry);
    }

    private double value() {
        HealthEndpoint endpoint = health.getIfAvailable();
        if (endpoint == null) return Double.NaN;
        return Status.UP.equals(endpoint.health().getStatus()) ? 1 : 0;
    }
}
