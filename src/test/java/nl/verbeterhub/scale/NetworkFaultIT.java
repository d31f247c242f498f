package nl.verbeterhub.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.verbeterhub.status.HubReadiness;
import nl.verbeterhub.support.HubTestProperties;
import nl.verbeterhub.support.KafkaBrokerProcess;
import nl.verbeterhub.support.TcpProxy;
import nl.verbeterhub.support.TopicReader;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A network fault, not a stopped broker: the hub reaches the broker only through a TCP proxy of the test,
 * and the proxy cuts every connection — longer than the session timeout, so the hub also loses its
 * hospitals' partitions and must take them back (fence, restore, start its connectors again). Meanwhile
 * the hub is DOWN and the new extract waits in its inbox; restored, it is committed once and its drafts
 * are published once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class NetworkFaultIT {

    static final HubTestProperties HUB = HubTestProperties.create("netfault");
    static final String AGB = "06010021";
    static final String PIJN = "measurement_id,patient_id,measured_at,scale,value\n";
    static TcpProxy proxy;
    static KafkaBrokerProcess broker;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) throws Exception {
        proxy = new TcpProxy();
        broker = KafkaBrokerProcess.start(Files.createTempDirectory("verbeterhub-netfault-kafka-"), proxy.port());
        proxy.forwardTo(broker.externalPort());
        HUB.register(registry, "localhost:" + proxy.port());
        registry.add("hub.inbox.max-retry-delay-ms", () -> "2000");
        registry.add("hub.kafka.delivery-timeout", () -> "4s");
        registry.add("hub.kafka.max-block", () -> "2s");
        registry.add("hub.kafka.session-timeout", () -> "PT3S");
        registry.add("hub.kafka.handover-timeout", () -> "PT20S");
        HUB.connector("netfault-pijn", AGB, "pijn", "PIJN", "");
    }

    @AfterAll
    static void stopBroker() throws Exception {
        proxy.close();
        broker.close();
    }

    @Autowired
    CamelContext camel;
    @Autowired
    HubReadiness readiness;
    @LocalServerPort
    int port;

    @Test
    void cutOffFromTheBrokersTheHubWaitsAndCompletesOnceTheNetworkReturns() throws Exception {
        readiness.awaitReady(Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(30)).until(() -> camel.getRouteController().getRouteStatus("inbox-netfault-pijn").isStarted());
        NotifyBuilder first = new NotifyBuilder(camel).fromRoute("inbox-netfault-pijn").whenCompleted(1).create();
        HubTestProperties.drop(HUB.inbox("pijn"), "pijn-1.csv", (PIJN + "NF-1,NFPAT-1,2025-05-01 08:00,NRS,5\n").getBytes());
        assertThat(first.matches(60, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> health() == 200);

        proxy.cut();
        await().atMost(Duration.ofSeconds(60)).until(() -> health() == 503);
        HubTestProperties.drop(HUB.inbox("pijn"), "pijn-2.csv", (PIJN + "NF-2,NFPAT-2,2025-05-01 09:00,NRS,2\n"
                + "NF-3,NFPAT-3,2025-05-01 10:00,NRS,11\n").getBytes());
        // Longer than the session timeout: the group drops the hub, which must win its hospitals back.
        await().pollDelay(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(20)).until(() -> health() == 503);
        assertThat(HUB.inbox("pijn").resolve("pijn-2.csv")).as("no broker, no commit: the file waits").exists();

        proxy.restore();
        await().atMost(Duration.ofSeconds(120)).until(() -> done() == 2);
        await().atMost(Duration.ofSeconds(60)).until(() -> health() == 200);
        assertThat(HUB.inbox("pijn").resolve(".error")).doesNotExist();

        List<ConsumerRecord<String, byte[]>> markers = TopicReader.readAll(broker.bootstrapServers(), HUB.extractsTopic());
        assertThat(markers).as("one commit per extract, nothing half-way").hasSize(2)
                .allSatisfy(m -> assertThat(m.key()).doesNotEndWith(":begun"));
        await().atMost(Duration.ofSeconds(30)).until(() -> pain().size() == 2);
        List<JsonNode> pain = pain();
        assertThat(pain).as("each content published once").hasSize(2);
        assertThat(pain.get(1).at("/indicators/measurements").asInt()).isEqualTo(2);
        assertThat(pain.get(1).at("/dataQuality/recordsRejected").asInt()).isEqualTo(1);
        List<ConsumerRecord<String, byte[]>> rejections = TopicReader.readAll(broker.bootstrapServers(), HUB.rejectionsTopic());
        assertThat(rejections).as("the out-of-range score, once").hasSize(1);
    }

    private List<JsonNode> pain() throws Exception {
        return TopicReader.values(broker.bootstrapServers(), HUB.draftsTopic(), AGB + ":PIJN:2025");
    }

    private long done() throws Exception {
        Path done = HUB.inbox("pijn").resolve(".done");
        if (!Files.isDirectory(done)) return 0;
        try (Stream<Path> files = Files.list(done)) {
            return files.count();
        }
    }

    private int health() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
