package nl.verbeterhub.app;

import java.io.IOException;
import nl.verbeterhub.config.HubProperties;
import nl.verbeterhub.kafka.EmbeddedKafkaBroker;
import nl.verbeterhub.kafka.KafkaClients;
import nl.verbeterhub.kafka.KafkaEndpoints;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where Kafka is: the embedded broker unless {@code hub.kafka.bootstrap-servers} names a cluster. */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${hub.kafka.bootstrap-servers:}'.isBlank()")
    EmbeddedKafkaBroker embeddedKafkaBroker(HubProperties properties) throws IOException {
        return EmbeddedKafkaBroker.start(properties.dataDir().resolve("kafka"), properties.kafka().embeddedPort());
    }

    @Bean
    KafkaEndpoints kafkaEndpoints(HubProperties properties, ObjectProvider<EmbeddedKafkaBroker> embedded) {
        HubProperties.Kafka kafka = properties.kafka();
        EmbeddedKafkaBroker broker = embedded.getIfAvailable();
        String intake = broker != null ? broker.bootstrapServers() : kafka.bootstrapServers();
        String internal = kafka.internalBootstrapServers().isBlank() ? intake : kafka.internalBootstrapServers();
        return new KafkaEndpoints(intake, internal, kafka.topics(),
                new KafkaClients.ProducerSettings(kafka.deliveryTimeout(), kafka.maxBlock(), kafka.compression()));
    }

    /** The Camel Kafka component publishes the drafts: durable settings set explicitly, not left to defaults. */
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
        });
    }
}
