package nl.verbeterhub.remote.fhir;

import static nl.verbeterhub.support.FhirJson.anaesthesia;
import static nl.verbeterhub.support.FhirJson.intake;
import static nl.verbeterhub.support.FhirJson.painScore;
import static nl.verbeterhub.support.FhirJson.patient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nl.verbeterhub.connector.Connectors;
import nl.verbeterhub.json.HubJson;
import nl.verbeterhub.status.ConnectorStatus;
import nl.verbeterhub.health.HubHealthIndicator;
import nl.verbeterhub.status.HubReadiness;
import nl.verbeterhub.ops.ConnectorControl;
import nl.verbeterhub.ops.ConnectorOverview;
import nl.verbeterhub.ops.ConnectorState;
import nl.verbeterhub.support.HubTestProperties;
import nl.verbeterhub.support.Schemas;
import nl.verbeterhub.support.TestKafka;
import nl.verbeterhub.support.TopicReader;
import nl.verbeterhub.support.fhirserver.FhirTestServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A {@code fhir-server} connector end to end: a real HAPI FHIR server pulled every second by the hub on a
 * real broker. Runs become drafts with a null SHA-256 and rejections at run positions; a resource updated
 * between runs replaces its earlier version and is counted once; failures mid-paging lose and double
 * nothing; a server that refuses the connector stops it with the reason.
 */
@SpringBootTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FhirServerIT {

    static final HubTestProperties HUB = HubTestProperties.create("fhirserver");
    static final String AGB = "06019966";
    static final String ID = "epd-server";
    static final Duration WAIT = Duration.ofSeconds(60);
    static final FhirTestServer SERVER = start();

    static FhirTestServer start() {
        try {
            FhirTestServer server = new FhirTestServer(FhirContext.forR4Cached());
            server.store().put(painScore("obs-1", "Patient/pt-1", "2025-05-01T08:00:00+02:00", "NRS", 6).json());
            server.store().put(painScore("obs-2", "Patient/pt-1", "2025-05-01T08:40:00+02:00", "NRS", 3).json());
            server.store().put(painScore("obs-3", "Patient/pt-1", "2025-05-01T09:00:00+02:00", "NRS", 11).json());
            server.store().put(patient("child-1", "2019-03-04").json());
            server.store().put(anaesthesia("op-1", "Patient/child-1", null, "2025-06-02T10:00:00+02:00").json());
            server.store().put(intake("in-1", "Procedure/op-1", "clear-fluid", "2025-06-02T08:00:00+02:00").json());
            return server;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) throws IOException {
        HUB.register(registry, TestKafka.bootstrapServers());
        Files.createDirectories(HUB.root().resolve("connectors"));
        Files.writeString(HUB.root().resolve("connectors").resolve(ID + ".yaml"), "id: " + ID + "\n"
                + "hospital:\n  agb: \"" + AGB + "\"\n  name: Testziekenhuis Server\n"
                + "type: fhir-server\n"
                + "inbox: " + HUB.inbox("server") + "\n"
                + "baseUrl: " + SERVER.baseUrl() + "\n"
                + "pollInterval: PT1S\n"
                + "pageSize: 2\n");
        registry.add("hub.remote.max-retry-delay-ms", () -> "2000");
        // No overlap: the runs here count what each one read (the default re-reads the last minute).
        registry.add("hub.remote.watermark-overlap", () -> "PT0S");
    }

    @Autowired
    HubReadiness readiness;

    @Autowired
    ConnectorOverview overview;

    @Autowired
    ConnectorStatus status;

    @Autowired
    Connectors connectors;

    @Autowired
    ConnectorControl control;

    @Autowired
    HubHealthIndicator health;

    @BeforeEach
    void ready() {
        readiness.awaitReady(WAIT);
    }

    @AfterAll
    static void stopServer() throws Exception {
        SERVER.close();
    }

    private static List<JsonNode> drafts(String key) {
        try {
            return TopicReader.values(TestKafka.bootstrapServers(), HUB.draftsTopic(), key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode latestPain() {
        List<JsonNode> values = drafts(AGB + ":PIJN:2025");
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }

    private static long runsDone() throws IOException {
        Path done = HUB.inbox("server").resolve(".done");
        if (!Files.isDirectory(done)) return 0;
        try (Stream<Path> runs = Files.list(done)) {
            return runs.filter(p -> p.getFileName().toString().contains("run-")).count();
        }
    }

    @Test
    @Order(1)
    void theFirstRunBecomesDraftsWithoutASha256AndRejectionsAtRunPositions() throws Exception {
        await().atMost(WAIT).until(() -> latestPain() != null && !drafts(AGB + ":NUCHTER:2025").isEmpty());
        JsonNode pain = latestPain();
        assertThat(Schemas.check(Schemas.DRAFT, pain)).isEmpty();
        assertThat(pain.at("/indicators/measurements").asInt()).isEqualTo(2);
        assertThat(pain.at("/dataQuality/rejectedByReason/OUT_OF_RANGE").asInt()).isEqualTo(1);
        assertThat(pain.at("/sources/0/latest/name").asText()).startsWith("run-");
        assertThat(pain.at("/sources/0/latest/sha256").isNull()).isTrue();
        assertThat(drafts(AGB + ":NUCHTER:2025").get(0).at("/indicators/clearFluidFastingMinutes/median").asInt()).isEqualTo(120);

        List<JsonNode> rejections = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : TopicReader.readAll(TestKafka.bootstrapServers(), HUB.rejectionsTopic())) {
            rejections.add(HubJson.MAPPER.readTree(r.value()));
        }
        assertThat(rejections).hasSize(1);
        assertThat(Schemas.check(Schemas.REJECTION, rejections.get(0))).isEmpty();
        assertThat(rejections.get(0).at("/position/run").asText()).startsWith("run-");
        assertThat(rejections.get(0).at("/position/index").asInt()).isEqualTo(2);
        assertThat(rejections.get(0).at("/extract/sha256").isNull()).isTrue();
    }

    @Test
    @Order(2)
    void aResourceUpdatedBetweenRunsReplacesItsEarlierVersionAndNothingIsReadTwice() throws Exception {
        long runs = runsDone();
        SERVER.clearRequests();
        SERVER.store().put(painScore("obs-1", "Patient/pt-1", "2025-05-01T08:00:00+02:00", "NRS", 2).json());
        SERVER.store().put(painScore("obs-4", "Patient/pt-2", "2025-05-02T08:00:00+02:00", "NRS", 8).json());
        await().atMost(WAIT).until(() -> latestPain().at("/indicators/measurements").asInt() == 3);
        JsonNode pain = latestPain();
        // obs-1 is now 2 (no pain): of obs-1, obs-2 and obs-4 only obs-4 is pain.
        assertThat(pain.at("/indicators/painShare").decimalValue()).isEqualByComparingTo("0.3333");
        assertThat(pain.at("/dataQuality/recordsRead").asInt()).as("the latest run read only what changed").isEqualTo(2);
        assertThat(runsDone()).isEqualTo(runs + 1);
        assertThat(SERVER.requests()).filteredOn(r -> !r.contains("_getpages") && !r.contains("_id="))
                .allMatch(r -> r.contains("_lastUpdated=ge"));
    }

    @Test
    @Order(3)
    void failuresMidPagingAreRetriedAndLoseOrDoubleNothing() throws Exception {
        SERVER.fail(FhirTestServer.laterPages(), 503, "1", 2);
        SERVER.fail(FhirTestServer.laterPages(), 429, "1", 1);
        for (int i = 5; i < 10; i++) {
            SERVER.store().put(painScore("obs-" + i, "Patient/pt-3", "2025-05-03T0" + i + ":00:00+02:00", "NRS", 7).json());
        }
        await().atMost(WAIT).until(() -> latestPain().at("/indicators/measurements").asInt() >= 8);
        assertThat(latestPain().at("/indicators/measurements").asInt()).isEqualTo(8);
        await().atMost(WAIT).until(() -> status.retrying(ID) == null);
        assertThat(overview.summary(connectors.get(ID)).state()).isEqualTo(ConnectorState.OK);
    }

    @Test
    @Order(4)
    void aServerThatStaysDownShowsOnTheConnectorSinceWhenAndWhyAndLeavesTheHubUp() {
        SERVER.fail(r -> true, 503, "1", 1_000);
        await().atMost(WAIT).until(() -> overview.summary(connectors.get(ID)).state() == ConnectorState.RETRYING);
        assertThat(status.retrying(ID)).startsWith("HTTP 503 on ");
        assertThat(status.details(ID)).containsKey("retryingSince");
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        SERVER.clearFaults();
        await().atMost(WAIT).until(() -> overview.summary(connectors.get(ID)).state() == ConnectorState.OK);
    }

    @Test
    @Order(5)
    void aServerThatRefusesTheConnectorStopsItWithTheReason() {
        SERVER.fail(r -> true, 403, null, 1_000);
        await().atMost(WAIT).until(() -> overview.summary(connectors.get(ID)).state() == ConnectorState.DOWN);
        assertThat(status.stopped(ID)).startsWith("HTTP 403 on ");
        assertThat(status.details(ID).toString()).contains("stopped");
    }

    @Test
    @Order(6)
    void anOperatorsRunNowTriesAStoppedPullAgainOnceTheServerAnswers() throws Exception {
        SERVER.clearFaults();
        SERVER.store().put(painScore("obs-10", "Patient/pt-4", "2025-05-04T08:00:00+02:00", "NRS", 9).json());
        control.runNow(connectors.get(ID), "test-operator");
        await().atMost(WAIT).until(() -> latestPain().at("/indicators/measurements").asInt() == 9);
        await().atMost(WAIT).until(() -> overview.summary(connectors.get(ID)).state() == ConnectorState.OK);
        assertThat(status.stopped(ID)).isNull();
    }
}
