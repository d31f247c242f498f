package nl.verbeterhub.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.verbeterhub.VerbeterhubApplication;
import nl.verbeterhub.status.HubReadiness;
import nl.verbeterhub.health.KafkaHealthIndicator;
import nl.verbeterhub.support.Deliveries;
import nl.verbeterhub.support.HubTestProperties;
import nl.verbeterhub.support.LogCollector;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole hub against a broker it can only reach over SASL_PLAINTEXT with SCRAM-SHA-512: topic set-up,
 * the transactional producers, the state applier, the read-back of published drafts, the Camel component
 * that publishes drafts and the health indicator all log in, or the extract would never become drafts.
 * The password is set the way the environment sets it, and appears in no log line.
 */
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SaslHubTests {

    static final String PASSWORD = "hub-\"scram\"-" + System.nanoTime();
    static final HubTestProperties HUB = HubTestProperties.create("sasl-hub");
    static SecuredBroker broker;
    static LogCollector logs;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) throws Exception {
        broker = SecuredBroker.sasl(Files.createDirectories(HUB.root().resolve("kafka")));
        broker.addScramUser("verbeterhub", PASSWORD);
        HUB.register(registry, broker.bootstrapServers());
        registry.add("hub.kafka.security.protocol", () -> "SASL_PLAINTEXT");
        registry.add(KafkaSecurity.SASL_USERNAME, () -> "verbeterhub");
        registry.add(KafkaSecurity.SASL_PASSWORD, () -> PASSWORD);
        HUB.connector("sasl-pijn", "06010009", "pijn", "PIJN", "");
    }

    /**
     * Attaches the log collector once Spring Boot has set up logging (which resets Logback's appenders) and
     * before any bean, so that every client's start-up is seen.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class CollectLogs {

        @Bean
        static BeanFactoryPostProcessor attachLogCollector() {
            return factory -> logs = LogCollector.attach();
        }
    }

    @AfterAll
    static void stop() {
        if (broker != null) broker.close();
    }

    @Autowired
    CamelContext camel;
    @Autowired
    HubReadiness readiness;
    @Autowired
    KafkaHealthIndicator kafkaHealth;
    @Autowired
    KafkaEndpoints endpoints;

    @Test
    void anExtractBecomesDraftsOnASaslClusterAndNoLogLineShowsThePassword() throws Exception {
        readiness.awaitReady(Duration.ofSeconds(60));
        assertThat(endpoints.security().protocol()).isEqualTo("SASL_PLAINTEXT");
        Deliveries.deliver(camel, "sasl-pijn", HUB.inbox("pijn"), "pijn.csv", Files.readAllBytes(Path.of("samples/pijn-2026-11-20.csv")),
                Duration.ofSeconds(60));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(latest(HUB.draftsTopic()))
                .containsKeys("06010009:PIJN:2025", "06010009:PIJN:2026"));
        assertThat(all(HUB.rejectionsTopic())).hasSize(3);
        assertThat(all(HUB.recordsTopic())).hasSize(62);
        var health = kafkaHealth.health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry(broker.bootstrapServers(), "1 broker(s) reachable");
        assertThat(logs.lines()).anyMatch(line -> line.contains("Kafka clients connect with SASL_PLAINTEXT SCRAM-SHA-512"))
                .noneMatch(line -> line.contains(PASSWORD));
    }

    @Test
    void aMissingPasswordStopsTheStartNamingTheVariable() {
        Path data = HUB.root().resolve("no-password");
        // Command-line arguments: the packaged application.yml would override default properties.
        String[] args = {"--server.port=0", "--hub.kafka.bootstrap-servers=" + broker.bootstrapServers(),
            "--hub.kafka.security.protocol=SASL_SSL", "--hub.data-dir=" + data, "--hub.connectors-dir=" + data.resolve("connectors"),
            "--" + KafkaSecurity.SASL_USERNAME + "=verbeterhub", "--VERBETERHUB_PSEUDONYM_SECRET=" + HubTestProperties.SECRET,
            "--camel.springboot.main-run-controller=false"};
        assertThatThrownBy(() -> new SpringApplicationBuilder(VerbeterhubApplication.class).run(args))
                .rootCause().hasMessageContaining(KafkaSecurity.SASL_PASSWORD)
                .hasMessageNotContaining(KafkaSecurity.SASL_USERNAME);
    }

    private List<String> all(String topic) {
        List<String> keys = new ArrayList<>();
        TopicScan.fromBeginningToEnd(endpoints.intake(), endpoints.security(), topic, r -> keys.add(r.key()));
        return keys;
    }

    private Map<String, Boolean> latest(String topic) {
        Map<String, Boolean> latest = new LinkedHashMap<>();
        TopicScan.fromBeginningToEnd(endpoints.intake(), endpoints.security(), topic, r -> latest.put(r.key(), r.value() != null));
        return latest;
    }
}
