package nl.verbeterhub.app;

import java.io.IOException;
import java.util.HashMap;
import nl.verbeterhub.config.HubProperties;
import nl.verbeterhub.kafka.EmbeddedKafkaBroker;
import nl.verbeterhub.kafka.KafkaClients;
import nl.verbeterhub.kafka.KafkaEndpoints;
import nl.verbeterhub.kafka.KafkaSecurity;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Where Kafka is: the embedded broker unless {@code hub.kafka.bootstrap-servers} names a cluster. */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaConfiguration.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${hub.kafka.bootstrap-servers:}'.isBlank()")
    EmbeddedKafkaBroker embeddedKafkaBroker(HubProperties properties) throws IOException {
        return EmbeddedKafkaBroker.start(properties.dataDir().resolve("kafka"), properties.kafka().embeddedPort());
    }

    @Bean
    KafkaEndpoints kafkaEndpoints(HubProperties properties, ObjectProvider<EmbeddedKafkaBroker> embedded, Environment environment) {
        HubProperties.Kafka kafka = properties.kafka();
        EmbeddedKafkaBroker broker = embedded.getIfAvailable();
        String intake = broker != null ? broker.bootstrapServers() : kafka.bootstrapServers();
        String internal = kafka.internalBootstrapServers().isBlank() ? intake : kafka.internalBootstrapServers();
        return new KafkaEndpoints(intake, internal, kafka.topics(),
                new KafkaClients.ProducerSettings(kafka.deliveryTimeout(), kafka.maxBlock(), kafka.compression()),
                security(kafka, environment));
    }

    /** The embedded broker has one PLAINTEXT listener; a real cluster gets the configured security, checked now. */
    private static KafkaSecurity security(HubProperties.Kafka kafka, Environment environment) {
        if (kafka.embedded()) {
            if (!kafka.security().protocol().equalsIgnoreCase("PLAINTEXT")) {
                LOG.warn("hub.kafka.security.protocol {} is not used: the embedded broker is PLAINTEXT", kafka.security().protocol());
            }
            return KafkaSecurity.PLAINTEXT;
        }
        KafkaSecurity security = KafkaSecurity.from(kafka.security(), environment);
        LOG.info("Kafka clients connect with {}", security);
        return security;
    }

    /**
     * The Camel Kafka component publishes the drafts: durable settings set explicitly, not left to defaults.
     * Security is set on the component, never in an endpoint URI that Camel would log; the additional
     * properties come last in Camel's producer properties, so they are exactly those of the hub's own clients.
     */
    @Bean
    ComponentCustomizer kafkaComponentCustomizer(KafkaEndpoints endpoints) {
        return ComponentCustomizer.builder(KafkaComponent.class).build(component -> {
            var c = component.getConfiguration();
            c.setBrokers(endpoints.intake());
            c.setEnableIdempotence(true);
            c.setRequestRequiredAcks("all");
            c.setKeySerializer(StringSerializer.class.getName());
            c.setValueSerializer(ByteArraySerializer.class.getName());
            c.setRecordMetadata(true);
            c.setDeliveryTimeoutMs((int) endpoints.producerSettings().delivery().toMillis());
            c.setMaxBlockMs((int) endpoints.producerSettings().maxBlock().toMillis());
            c.setRequestTimeoutMs((int) Math.min(30_000, endpoints.producerSettings().delivery().toMillis() / 2));
            c.setSecurityProtocol(endpoints.security().protocol());
            c.setAdditionalProperties(new HashMap<>(endpoints.security().properties()));
        });
    }
}
