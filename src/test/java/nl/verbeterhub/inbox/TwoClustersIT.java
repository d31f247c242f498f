package nl.verbeterhub.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import nl.verbeterhub.status.HubReadiness;
import nl.verbeterhub.kafka.EmbeddedKafkaBroker;
import nl.verbeterhub.support.Deliveries;
import nl.verbeterhub.support.HubTestProperties;
import nl.verbeterhub.support.TestKafka;
import nl.verbeterhub.support.TopicReader;
import org.apache.camel.CamelContext;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/** The hub's own topics on one cluster, the intake's drafts and rejections on another. */
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TwoClustersIT {

    static final HubTestProperties HUB = HubTestProperties.create("two-clusters");
    static EmbeddedKafkaBroker internal;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("verbeterhub-internal-kafka-");
        internal = EmbeddedKafkaBroker.start(dir, 0);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            internal.close();
            FileSystemUtils.deleteRecursively(dir.toFile());
        }));
        HUB.register(registry, TestKafka.bootstrapServers());
        registry.add("hub.kafka.internal-bootstrap-servers", internal::bootstrapServers);
        HUB.connector("two-pijn", "06010009", "pijn", "PIJN", "");
    }

    @Autowired
    CamelContext camel;
    @Autowired
    HubReadiness readiness;

    @Test
    void stateStaysOnTheInternalClusterAndDraftsGoToTheIntake() throws Exception {
        readiness.awaitReady(Duration.ofSeconds(60));
        Deliveries.deliver(camel, "two-pijn", HUB.inbox("pijn"), "pijn.csv", Files.readAllBytes(Path.of("samples/pijn-2026-11-20.csv")),
                Duration.ofSeconds(60));

        assertThat(TopicReader.latest(TestKafka.bootstrapServers(), HUB.draftsTopic())).containsKeys(
                "06010009:PIJN:2025", "06010009:PIJN:2026");
        assertThat(TopicReader.readAll(TestKafka.bootstrapServers(), HUB.rejectionsTopic())).hasSize(3);
        assertThat(TopicReader.readAll(internal.bootstrapServers(), HUB.recordsTopic())).hasSize(62);
        assertThat(topics(TestKafka.bootstrapServers())).doesNotContain(HUB.recordsTopic(), HUB.extractsTopic());
        assertThat(topics(internal.bootstrapServers())).doesNotContain(HUB.draftsTopic(), HUB.rejectionsTopic());
    }

    private static Set<String> topics(String servers) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        try (Admin admin = Admin.create(p)) {
            return admin.listTopics().names().get();
        }
    }
}
