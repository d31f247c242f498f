package nl.verbeterhub.remote.bulk;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import nl.verbeterhub.connector.Connectors;
import nl.verbeterhub.extract.ExtractLog;
import nl.verbeterhub.status.HubReadiness;
import nl.verbeterhub.remote.PullStatus;
import nl.verbeterhub.ops.RunNow;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bean the {@code fhir-bulk-export} pull routes call (routes/bulk-export.camel.yaml). */
@Configuration(proxyBeanMethods = false)
class BulkExportConfiguration {

    /**
     * @param connectTimeout how long a connection to the server may take
     * @param requestTimeout how long a request may wait for the answer's headers (a download's body may take longer)
     */
    @Bean
    BulkExportPull bulkExportPull(Connectors connectors, ExtractLog extracts, HubReadiness readiness, PullStatus pullStatus,
                                  RunNow runNow, @Qualifier("remoteEnvironment") Function<String, String> environment, Clock clock,
                                  @Value("${hub.remote.connect-timeout:PT10S}") Duration connectTimeout,
                                  @Value("${hub.remote.request-timeout:PT60S}") Duration requestTimeout) {
        return new BulkExportPull(connectors, extracts, readiness, pullStatus, runNow,
                new BulkExportClient(connectTimeout, requestTimeout), environment, clock);
    }
}
