package nl.verbeterhub.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.verbeterhub.bench.ExportGenerator;
import nl.verbeterhub.cli.ValidateCommand;
import nl.verbeterhub.config.HubProperties;
import nl.verbeterhub.json.HubJson;
import nl.verbeterhub.extract.ExtractLog;
import nl.verbeterhub.status.ConnectorStatus;
import nl.verbeterhub.health.HubHealthIndicator;
import nl.verbeterhub.status.HubReadiness;
import nl.verbeterhub.health.KafkaHealthIndicator;
import nl.verbeterhub.support.HubTestProperties;
import nl.verbeterhub.support.InboxFolders;
import nl.verbeterhub.support.TopicReader;
import nl.verbeterhub.theme.pijn.PainTheme;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The hub on a three-broker KRaft cluster with replication factor 3 and {@code min.insync.replicas=2}
 * (issue 18): a broker stopped while an extract is being committed loses nothing; with two stopped the
 * hub cannot commit and waits, retrying, with the file in its inbox; when one broker returns it
 * completes, and the drafts equal what {@code validate} makes of both files, each published once.
 */
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ThreeBrokerClusterIT {

    static final HubTestProperties HUB = HubTestProperties.create("three-brokers");
    static final String AGB = "06010012";
    static final String CONNECTOR = "cluster-pijn";
    static final Duration WAIT = Duration.ofSeconds(90);
    static ThreeBrokerCluster cluster;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) throws Exception {
        cluster = ThreeBrokerCluster.start(HUB.root().resolve("kafka"));
        HUB.register(registry, cluster.bootstrapServers());
        registry.add("hub.kafka.topics.replication-factor", () -> "3");
        registry.add("hub.kafka.topics.min-insync-replicas", () -> "2");
        registry.add("hub.kafka.topics.partitions", () -> "3");
        // Parts of 5,000 rows: the first extract is still being committed when its broker stops.
        registry.add("hub.kafka.rows-per-transaction", () -> "5000");
        // Sends fail within seconds, so that an outage goes through the retry path, not one long wait.
        registry.add("hub.kafka.delivery-timeout", () -> "10s");
        registry.add("hub.kafka.max-block", () -> "5s");
        registry.add("hub.inbox.max-retry-delay-ms", () -> "2000");
        HUB.connector(CONNECTOR, AGB, "pijn", "PIJN", "");
    }

    /**
     * Stops the cluster after every bean of the hub: registered before any of them, it is destroyed last
     * (an {@code @AfterAll} would run before the context closes, and the hub's clients would then wait
     * out their timeouts against stopped brokers).
     */
    @TestConfiguration
    static class StopClusterLast {
        @Bean
        static BeanFactoryPostProcessor stopClusterLast() {
            return factory -> ((DefaultSingletonBeanRegistry) factory).registerDisposableBean("threeBrokerCluster", () -> {
                cluster.close();
                FileSystemUtils.deleteRecursively(HUB.root().toFile());
            });
        }
    }

    @Autowired
    HubReadiness readiness;
    @Autowired
    HubProperties properties;
    @Autowired
    ExtractLog extracts;
    @Autowired
    ConnectorStatus status;
    @Autowired
    KafkaHealthIndicator kafkaHealth;
    @Autowired
    HubHealthIndicator hubHealth;

    @Test
    @SuppressWarnings("unchecked")
    void oneBrokerDownLosesNothingTwoDownWaitsAndOneBackCompletes() throws Exception {
        // Three brokers share this JVM with the hub: on a loaded machine the group's first join takes longer.
        readiness.awaitReady(WAIT.multipliedBy(2));
        Path first = ExportGenerator.write(PainTheme.PIJN, ExportGenerator.Dialect.ISO, 100_000, 11, 1,
                HUB.root().resolve("pijn-1.csv"));
        Path second = ExportGenerator.write(PainTheme.PIJN, ExportGenerator.Dialect.ISO, 3_000, 12, 100_001,
                HUB.root().resolve("pijn-2.csv"));

        // 1. The leader of the hospital's record partition stops once the first part of the extract is committed.
        int partition = HospitalPartitioner.partitionOf(AGB, 3);
        HubTestProperties.drop(HUB.inbox("pijn"), "pijn-1.csv", Files.readAllBytes(first));
        await().atMost(WAIT).pollInterval(Duration.ofMillis(10)).until(() -> extracts.openExtract(CONNECTOR).isPresent());
        int firstDown = cluster.leaderOf(HUB.recordsTopic(), partition);
        assertThat(firstDown).isPositive();
        Instant stopping = Instant.now();
        cluster.stop(firstDown);
        await().atMost(WAIT).until(() -> done("pijn-1.csv"));
        assertThat(extracts.recent(CONNECTOR, 10)).hasSize(1).allSatisfy(commit -> assertThat(commit.committedAt())
                .as("its last part was committed after the broker began to stop").isAfter(stopping));
        Map<String, JsonNode> afterFirst = validate(first);
        awaitDrafts(afterFirst, afterFirst, 1);

        // 2. A second broker stops: one of three left, no controller quorum and fewer replicas than min.insync.
        int secondDown = otherRunning(firstDown);
        cluster.stop(secondDown);
        HubTestProperties.drop(HUB.inbox("pijn"), "pijn-2.csv", Files.readAllBytes(second));
        await().atMost(WAIT).until(() -> status.isRetrying(CONNECTOR));
        // What health shows: the connector RETRYING with its cause, and the hub DOWN: its extracts wait for the
        // brokers (the last broker still answers describeCluster, so the Kafka indicator alone would say UP).
        await().atMost(WAIT).until(() -> hubHealth.health().getStatus().equals(Status.DOWN));
        assertThat(hubHealth.health().getDetails()).containsEntry("brokers", "extracts wait for the Kafka brokers");
        Map<String, Object> connectors = (Map<String, Object>) hubHealth.health().getDetails().get("connectors");
        assertThat((Map<String, Object>) connectors.get(CONNECTOR)).containsEntry("state", "RETRYING")
                .containsEntry("extractsCommitted", 1L).containsKeys("retrying", "retryingSince");
        assertThat(HUB.inbox("pijn").resolve("pijn-2.csv")).as("the file waits in the inbox").exists();
        assertThat(extracts.recent(CONNECTOR, 10)).as("nothing committed without two in-sync replicas").hasSize(1);
        assertThat(HUB.inbox("pijn").resolve(".error")).doesNotExist();

        // 3. The first broker returns (it missed most of the first extract): two of three again, and the hub completes.
        cluster.restart(firstDown);
        await().atMost(WAIT).until(() -> done("pijn-2.csv"));
        await().atMost(WAIT).until(() -> !status.isRetrying(CONNECTOR));
        assertThat(extracts.recent(CONNECTOR, 10)).hasSize(2);
        assertThat(extracts.openExtract(CONNECTOR)).isEmpty();
        assertThat(HUB.inbox("pijn").resolve(".error")).doesNotExist();
        // The records of both extracts count; data quality is that of the connector's latest extract (decision
        // 19), while validate reads each file as a connector of its own.
        Map<String, JsonNode> expected = validate(first, second);
        awaitDrafts(expected, validate(second), 2);
        await().atMost(WAIT).until(() -> kafkaHealth.health().getStatus().equals(Status.UP)
                && hubHealth.health().getStatus().equals(Status.UP));

        for (String key : expected.keySet()) {
            List<JsonNode> published = TopicReader.values(cluster.bootstrapServers(), HUB.draftsTopic(), key);
            assertThat(published).as(key + ": one draft per extract, none twice, none going backwards").hasSize(2);
            assertThat(published.get(0).get("indicators")).isEqualTo(afterFirst.get(key).get("indicators"));
            assertThat(published.get(0).at("/sources/0/extracts").asInt()).isEqualTo(1);
            assertThat(published.get(1).at("/sources/0/extracts").asInt()).isEqualTo(2);
        }
        List<String> markers = new ArrayList<>();
        TopicReader.latest(cluster.bootstrapServers(), HUB.extractsTopic()).forEach((k, v) -> {
            if (v != null) markers.add(k);
        });
        assertThat(markers).as("two commit markers, no begun marker left").hasSize(2).noneMatch(k -> k.endsWith(":begun"));
    }

    /** Whether the file was moved to {@code .done/}, which the hub makes with its first finished file. */
    private static boolean done(String file) throws IOException {
        return Files.isDirectory(HUB.inbox("pijn").resolve(".done")) && InboxFolders.inDone(HUB.inbox("pijn"), file);
    }

    private int otherRunning(int stopped) {
        for (int node = 1; node <= ThreeBrokerCluster.NODES; node++) {
            if (node != stopped && cluster.running(node)) return node;
        }
        throw new IllegalStateException("no broker left to stop");
    }

    /** Waits until the latest draft of every key matches {@code validate}'s, from this many extracts. */
    private void awaitDrafts(Map<String, JsonNode> expected, Map<String, JsonNode> latestExtract, int extractCount) {
        await().atMost(WAIT).untilAsserted(() -> {
            Map<String, byte[]> latest = TopicReader.latest(cluster.bootstrapServers(), HUB.draftsTopic());
            assertThat(latest.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
            for (var e : expected.entrySet()) {
                JsonNode published = HubJson.MAPPER.readTree(latest.get(e.getKey()));
                for (String part : List.of("hospital", "theme", "period", "indicators")) {
                    assertThat(published.get(part)).as(e.getKey() + " " + part).isEqualTo(e.getValue().get(part));
                }
                assertThat(published.get("dataQuality")).as(e.getKey() + " dataQuality")
                        .isEqualTo(latestExtract.get(e.getKey()).get("dataQuality"));
                assertThat(published.at("/sources/0/extracts").asInt()).isEqualTo(extractCount);
            }
        });
    }

    /** The drafts {@code validate} prints for these files, each an extract of its own, by key. */
    private Map<String, JsonNode> validate(Path... files) throws Exception {
        List<String> args = new ArrayList<>(List.of("--agb", AGB, "--name", "Testziekenhuis " + AGB));
        for (Path f : files) args.add(f.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new ValidateCommand(properties, Clock.systemUTC(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream())).run(args);
        assertThat(exit).isZero();
        Map<String, JsonNode> byKey = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode d : HubJson.MAPPER.readTree(out.toByteArray())) {
            String key = AGB + ":" + d.at("/theme/code").asText() + ":" + d.at("/period/year").asInt();
            assertThat(seen.add(key)).isTrue();
            byKey.put(key, d);
        }
        assertThat(byKey).containsOnlyKeys(AGB + ":PIJN:2025", AGB + ":PIJN:2026");
        return byKey;
    }
}
