package nl.verbeterhub.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import nl.verbeterhub.json.HubJson;
import nl.verbeterhub.status.HubReadiness;
import nl.verbeterhub.support.Deliveries;
import nl.verbeterhub.support.HubTestProperties;
import nl.verbeterhub.support.TopicReader;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The hub against a Kafka broker in a container, as in docker-compose.yml. Skipped where no Docker
 * engine runs (this project's CI machine has none; the in-process broker covers the same ground).
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class KafkaClusterIT {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:3.9.1");
    static final HubTestProperties HUB = HubTestProperties.create("container");

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        HUB.register(registry, KAFKA.getBootstrapServers());
        HUB.connector("container-vbi", "06010007", "vbi", "VBI", "");
    }

    @Autowired
    CamelContext camel;
    @Autowired
    HubReadiness readiness;

    @Test
    void aSampleBecomesADraftOnAContainerBroker() throws Exception {
        readiness.awaitReady(Duration.ofSeconds(120));
        Deliveries.deliver(camel, "container-vbi", HUB.inbox("vbi"), "vbi.csv", Files.readAllBytes(Path.of("samples/vbi-2026-11-20.csv")),
                Duration.ofSeconds(120));
        byte[] draft = TopicReader.latest(KAFKA.getBootstrapServers(), HUB.draftsTopic()).get("06010007:VBI:2025");
        JsonNode json = HubJson.MAPPER.readTree(draft);
        assertThat(json.at("/indicators/registrations").asInt()).isEqualTo(20);
    }
}
