package nl.verbeterhub.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.verbeterhub.json.HubJson;
import nl.verbeterhub.status.ConnectorStatus;
import nl.verbeterhub.status.HubReadiness;
import nl.verbeterhub.health.KafkaHealthIndicator;
import nl.verbeterhub.kafka.EmbeddedKafkaBroker;
import nl.verbeterhub.support.HubTestProperties;
import nl.verbeterhub.support.TopicReader;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The broker goes away while extracts arrive: files stay in the inbox, health says DOWN and why, and
 * when the broker returns everything pending is published, once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BrokerOutageIT {

    static final HubTestProperties HUB = HubTestProperties.create("outage");
    static final String AGB = "06010005";
    static final String PIJN = "measurement_id,patient_id,measured_at,scale,value\n";
    static Path brokerDir;
    static int brokerPort;
    static EmbeddedKafkaBroker broker;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) throws IOException {
        brokerDir = Files.createTempDirectory("verbeterhub-outage-kafka-");
        brokerPort = EmbeddedKafkaBroker.freePort();
        broker = EmbeddedKafkaBroker.start(brokerDir, brokerPort);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (broker != null) broker.close();
            FileSystemUtils.deleteRecursively(brokerDir.toFile());
        }));
        HUB.register(registry, broker.bootstrapServers());
        registry.add("hub.inbox.max-retry-delay-ms", () -> "2000");
        // Fail sends fast, so that the outage goes through the retry path, not just a long wait.
        registry.add("hub.kafka.delivery-timeout", () -> "4s");
        registry.add("hub.kafka.max-block", () -> "2s");
        registry.add("VERBETERHUB_OPERATOR_PASSWORD", () -> "operator-test-password");
        HUB.connector("outage-pijn", AGB, "pijn", "PIJN", "");
        HUB.connector("outage-vbi", AGB, "vbi", "VBI", "");
    }

    @Autowired
    CamelContext camel;
    @Autowired
    HubReadiness readiness;
    @Autowired
    KafkaHealthIndicator kafkaHealth;
    @Autowired
    ConnectorStatus status;
    @LocalServerPort
    int port;

    @Test
    void nothingIsLostWhileTheBrokerIsAwayAndHealthSaysSo() throws Exception {
        readiness.awaitReady(Duration.ofSeconds(60));
        NotifyBuilder first = new NotifyBuilder(camel).fromRoute("inbox-outage-pijn").whenCompleted(1).create();
        HubTestProperties.drop(HUB.inbox("pijn"), "pijn-1.csv", (PIJN + "OU-1,OUPAT-1,2025-05-01 08:00,NRS,5\n").getBytes());
        assertThat(first.matches(60, TimeUnit.SECONDS)).isTrue();
        assertThat(health()).isEqualTo(200);

        broker.close();
        await().atMost(Duration.ofSeconds(30)).until(() -> health() == 503);
        assertThat(kafkaHealth.health().getStatus()).isEqualTo(Status.DOWN);
        JsonNode details = HubJson.MAPPER.readTree(get("/actuator/health", true).body());
        assertThat(details.at("/components/kafka/status").asText()).isEqualTo("DOWN");
        assertThat(details.at("/components/kafka/details").toString()).contains("unreachable");
        assertThat(get("/actuator/health", false).body()).doesNotContain("components");

        NotifyBuilder pending = new NotifyBuilder(camel).fromRoute("inbox-outage-*").whenCompleted(2).create();
        HubTestProperties.drop(HUB.inbox("pijn"), "pijn-2.csv", (PIJN + "OU-2,OUPAT-2,2025-05-01 09:00,NRS,2\n").getBytes());
        HubTestProperties.drop(HUB.inbox("vbi"), "vbi-1.csv", ("registration_id,patient_id,intervention_type,score,start\n"
                + "OU-3,OUPAT-3,polsband,5,2025-05-01 10:00\n").getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(60)).until(() -> status.isRetrying("outage-pijn") && status.isRetrying("outage-vbi"));
        assertThat(status.details("outage-pijn")).containsKey("retryingSince");
        assertThat(pending.matches()).as("nothing completed without a broker").isFalse();
        assertThat(HUB.inbox("pijn").resolve("pijn-2.csv")).exists();
        assertThat(HUB.inbox("vbi").resolve("vbi-1.csv")).exists();
        assertThat(health()).isEqualTo(503);

        broker = EmbeddedKafkaBroker.start(brokerDir, brokerPort);
        assertThat(pending.matches(120, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> health() == 200);
        assertThat(HUB.inbox("pijn").resolve(".error")).doesNotExist();
        assertThat(HUB.inbox("vbi").resolve(".error")).doesNotExist();
        try (Stream<Path> done = Files.list(HUB.inbox("pijn").resolve(".done"))) {
            assertThat(done.count()).isEqualTo(2);
        }

        List<ConsumerRecord<String, byte[]>> markers = TopicReader.readAll(broker.bootstrapServers(), HUB.extractsTopic());
        assertThat(markers).as("one commit per extract, nothing half-way").hasSize(3)
                .allSatisfy(m -> assertThat(m.key()).doesNotEndWith(":begun"));
        // Drafts follow the commits: the state applier regenerates them after it has read the records back.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<JsonNode> pain = TopicReader.values(broker.bootstrapServers(), HUB.draftsTopic(), AGB + ":PIJN:2025");
            JsonNode latest = pain.get(pain.size() - 1);
            assertThat(latest.at("/indicators/measurements").asInt()).isEqualTo(2);
            assertThat(latest.at("/indicators/painShare").decimalValue()).isEqualByComparingTo("0.5");
            assertThat(pain).as("each content published once").hasSize(2);
            assertThat(TopicReader.values(broker.bootstrapServers(), HUB.draftsTopic(), AGB + ":VBI:2025")).hasSize(1);
        });
    }


    @Test
    void theApiAnswers401BeforeLookingAnythingUp() throws Exception {
        HttpResponse<String> anonymous = get("/api/connectors/no-such-connector", false);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(get("/api/connectors/no-such-connector", true).statusCode()).isEqualTo(404);
    }

    private int health() throws Exception {
        return get("/actuator/health", false).statusCode();
    }

    private HttpResponse<String> get(String path, boolean operator) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (operator) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString("operator:operator-test-password".getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
