package nl.verbeterhub.remote;

import java.time.Clock;
import java.util.function.Function;
import nl.verbeterhub.connector.Connectors;
import nl.verbeterhub.extract.ExtractLog;
import nl.verbeterhub.health.ConnectorStatus;
import nl.verbeterhub.health.HubReadiness;
import nl.verbeterhub.remote.fhir.FhirServerPull;
import org.apache.camel.Processor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans the pull routes of remote connectors call (routes/remote.camel.yaml). */
@Configuration(proxyBeanMethods = false)
class RemoteConfiguration {

    /** Where secrets named in connector files are read: the process environment (a test may give its own). */
    @Bean
    @ConditionalOnMissingBean(name = "remoteEnvironment")
    Function<String, String> remoteEnvironment() {
        return System::getenv;
    }

    @Bean
    PullStatus pullStatus(ConnectorStatus status, Clock clock) {
        return new PullStatus(status, clock);
    }

    /** Runs before each redelivery of a failed pull, so that health shows the connector waiting and why. */
    @Bean
    Processor pullRetryNotifier(PullStatus status) {
        return status::retrying;
    }

    @Bean
    FhirServerPull fhirServerPull(Connectors connectors, ExtractLog extracts, HubReadiness readiness, PullStatus status,
                                  @Qualifier("remoteEnvironment") Function<String, String> environment, Clock clock) {
        return new FhirServerPull(connectors, extracts, readiness, status, environment, clock);
    }
}
