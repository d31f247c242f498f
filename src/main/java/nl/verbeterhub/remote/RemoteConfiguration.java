package nl.verbeterhub.remote;

import nl.verbeterhub.ops.RunNow;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import nl.verbeterhub.connector.Connectors;
import nl.verbeterhub.extract.ExtractLog;
import nl.verbeterhub.failure.FailureClassifier;
import nl.verbeterhub.status.ConnectorStatus;
import nl.verbeterhub.status.HubReadiness;
import nl.verbeterhub.remote.fhir.FhirServerPull;
import nl.verbeterhub.theme.ThemeSettings;
import nl.verbeterhub.theme.antistolling.AntistollingSettings;
import nl.verbeterhub.theme.antistolling.AntistollingTheme;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The beans the pull routes of remote connectors call (routes/remote.camel.yaml). */
@Configuration(proxyBeanMethods = false)
class RemoteConfiguration {

    /**
     * Where the secrets connector files name are read: Spring's environment, which holds the process
     * environment (and, in a test, its properties).
     */
    @Bean
    Function<String, String> remoteEnvironment(Environment environment) {
        return environment::getProperty;
    }

    @Bean
    RunNow runNow() {
        return new RunNow();
    }

    @Bean
    PullStatus pullStatus(ConnectorStatus status, FailureClassifier classifier, Clock clock) {
        return new PullStatus(status, classifier, clock);
    }

    @Bean
    FhirServerPull fhirServerPull(Connectors connectors, ExtractLog extracts, HubReadiness readiness, PullStatus status,
                                  @Qualifier("remoteEnvironment") Function<String, String> environment, Clock clock,
                                  @Value("${hub.remote.watermark-overlap:PT1M}") Duration overlap, ThemeSettings themes) {
        return new FhirServerPull(connectors, extracts, readiness, status, environment, clock, overlap,
                themes.of(AntistollingTheme.THEME, AntistollingSettings.class).fhirInrCodes());
    }
}
