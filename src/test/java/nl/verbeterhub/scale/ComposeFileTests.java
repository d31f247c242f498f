package nl.verbeterhub.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.connector.ConnectorLoader;
import nl.verbeterhub.connector.ConnectorType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be started here (no Docker): these checks keep it consistent with what the
 * tests prove — pinned images, start-up gated on health, three brokers with the production replication
 * the hubs ask for, two hubs sharing inboxes, a FHIR server connector that loads, Prometheus on both.
 */
class ComposeFileTests {

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        try (Reader in = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
            return (Map<String, Map<String, Object>>) new Yaml().<Map<String, Object>>load(in).get("services");
        }
    }

    @Test
    void everyImageIsPinnedAndEveryDependencyWaitsForACondition() throws IOException {
        services().forEach((name, service) -> {
            Object image = service.get("image");
            if (image != null) {
                assertThat((String) image).as(name).matches("[^:]+:[0-9v][^:]*").doesNotEndWith(":latest");
            }
            Object depends = service.get("depends_on");
            if (depends instanceof Map<?, ?> conditions) {
                conditions.values().forEach(c -> assertThat(((Map<?, ?>) c).get("condition")).as(name).isNotNull());
            }
            if (!name.equals("hapi") && !name.equals("hapi-seed")) {
                assertThat(service).as(name + " has a healthcheck").containsKey("healthcheck");
            }
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void threeBrokersWithTheReplicationTheTwoHubsAskFor() throws IOException {
        Map<String, Map<String, Object>> services = services();
        List<String> brokers = services.keySet().stream().filter(n -> n.startsWith("kafka-")).sorted().toList();
        assertThat(brokers).containsExactly("kafka-1", "kafka-2", "kafka-3");
        for (String broker : brokers) {
            Map<String, Object> env = (Map<String, Object>) services.get(broker).get("environment");
            assertThat(String.valueOf(env.get("KAFKA_DEFAULT_REPLICATION_FACTOR"))).isEqualTo("3");
            assertThat(String.valueOf(env.get("KAFKA_MIN_INSYNC_REPLICAS"))).isEqualTo("2");
            assertThat(String.valueOf(env.get("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR"))).isEqualTo("2");
        }
        for (String hub : List.of("hub-1", "hub-2")) {
            Map<String, Object> env = (Map<String, Object>) services.get(hub).get("environment");
            assertThat((String) env.get("HUB_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka-1:9092,kafka-2:9092,kafka-3:9092");
            assertThat(String.valueOf(env.get("HUB_KAFKA_TOPICS_REPLICATION_FACTOR"))).isEqualTo("3");
            assertThat(String.valueOf(env.get("HUB_KAFKA_TOPICS_MIN_INSYNC_REPLICAS"))).isEqualTo("2");
            List<String> volumes = (List<String>) services.get(hub).get("volumes");
            assertThat(volumes).as("the inboxes are shared, the state is not").contains("./data/inbox:/hub/data/inbox")
                    .contains(hub + "-state:/hub/data/state");
        }
        assertThat(Files.readString(Path.of("ops/compose/prometheus.yml"))).contains("\"hub-1:8080\", \"hub-2:8080\"");
    }

    @Test
    void theComposeFhirServerConnectorLoads(@TempDir Path dir) throws IOException {
        Files.copy(Path.of("ops/compose/hapi-server.yaml"), dir.resolve("compose-hapi-server.yaml"));
        List<ConnectorConfig> loaded = ConnectorLoader.load(dir, Duration.ofSeconds(1));
        assertThat(loaded).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(ConnectorType.FHIR_SERVER);
            assertThat(c.agb()).isEqualTo("06019999");
        });
        assertThat(Path.of("samples/fhir-bundle-2026-11-20.json")).as("the seed hapi-seed posts").exists();
    }
}
