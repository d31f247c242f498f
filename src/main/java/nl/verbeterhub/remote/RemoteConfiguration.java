package nl.verbeterhub.remote;

import java.time.Clock;
import nl.verbeterhub.health.ConnectorStatus;
import org.apache.camel.Processor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans the pull routes of remote connectors call (routes/remote.camel.yaml). */
@Configuration(proxyBeanMethods = false)
class RemoteConfiguration {

    @Bean
    PullStatus pullStatus(ConnectorStatus status, Clock clock) {
        return new PullStatus(status, clock);
    }

    /** Runs before each redelivery of a failed pull, so that health shows the connector waiting and why. */
    @Bean
    Processor pullRetryNotifier(PullStatus status) {
        return status::retrying;
    }
}
