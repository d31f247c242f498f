package nl.verbeterhub.remote.sftp;

import java.util.function.Function;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.connector.ConnectorType;
import nl.verbeterhub.connector.Connectors;
import nl.verbeterhub.failure.FailureClassifier;
import nl.verbeterhub.remote.PullStatus;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Binds an {@link SftpPickup} for every {@code sftp-inbox} connector in Camel's registry as {@code sftp-<id>},
 * before the routes are added (ConnectorRoutes adds them after the start): its pull route names it.
 */
@Configuration(proxyBeanMethods = false)
class SftpConfiguration {

    /** The registry name of a connector's pickup. */
    static String beanName(String connectorId) {
        return "sftp-" + connectorId;
    }

    @Bean
    CamelContextConfiguration sftpPickups(Connectors connectors, @Qualifier("remoteEnvironment") Function<String, String> environment,
                                          FailureClassifier classifier, PullStatus pullStatus) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                for (ConnectorConfig c : connectors.all()) {
                    if (c.type() != ConnectorType.SFTP_INBOX) continue;
                    camel.getRegistry().bind(beanName(c.id()), new SftpPickup(c, environment, classifier, pullStatus));
                }
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
            }
        };
    }
}
