package nl.verbeterhub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import nl.verbeterhub.status.HubReadiness;
import nl.verbeterhub.support.ApiClient;
import nl.verbeterhub.support.HubTestProperties;
import nl.verbeterhub.support.TestKafka;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Operators' actions and honest health (issue 17, domain.md §8): PAUSED and LATE are connector details of
 * an UP hub, a stopped route is DOWN; pause holds files in the inbox until resume; a file from .error/
 * goes back once its cause is fixed; every action is in the audit log; hospital users act on nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false) // a @SpringBootTest leaves metrics export off unless asked
class OperatorActionsIT {

    static final HubTestProperties HUB = HubTestProperties.create("ops");
    static final String AGB = "06010003";
    static final String PASSWORD = "operator-ops-password";
    static final String PIJN = "measurement_id,patient_id,measured_at,scale,value\n";

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) throws IOException {
        HUB.register(registry, TestKafka.bootstrapServers());
        registry.add("VERBETERHUB_OPERATOR_PASSWORD", () -> PASSWORD);
        Path users = Files.writeString(HUB.root().resolve("users.yaml"), "users:\n  - username: kwaliteit\n"
                + "    password: \"{bcrypt}" + new BCryptPasswordEncoder(4).encode("kwaliteit-password") + "\"\n"
                + "    agbs: [\"" + AGB + "\"]\n");
        registry.add("hub.access.users-file", users::toString);
        HUB.connector("ops-pijn", AGB, "ops-pijn", "PIJN", "");
        // Due every hour on the hour: with no extract ever, it is LATE from the start.
        HUB.connector("ops-late", AGB, "ops-late", "VBI", "expect:\n  every: PT1H\n  by: \"00:00\"\n");
        // Paused by an operator before this start: its route must not even begin.
        HUB.connector("ops-held", AGB, "ops-held", "PIJN", "");
        Files.createDirectories(HUB.root().resolve("data/operator"));
        Files.writeString(HUB.root().resolve("data/operator/paused"), "ops-held\n");
        HubTestProperties.drop(HUB.inbox("ops-held"), "wacht.csv", (PIJN + "OPS-5,OPSPAT-5,2025-05-01 08:00,NRS,5\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    @LocalServerPort
    int port;
    @Autowired
    HubReadiness readiness;
    @Autowired
    CamelContext camel;

    private ApiClient operator;
    private ApiClient hospital;

    @BeforeEach
    void clients() {
        readiness.awaitReady(Duration.ofSeconds(60));
        operator = ApiClient.basic(port, "operator", PASSWORD);
        hospital = ApiClient.basic(port, "kwaliteit", "kwaliteit-password");
    }

    @Test
    void pauseHoldsFilesUntilResumeAndHealthStaysUp() {
        assertThat(hospital.post("/api/v1/connectors/ops-pijn/pause").statusCode()).as("only operators act").isEqualTo(403);
        assertThat(ApiClient.json(operator.post("/api/v1/connectors/ops-pijn/pause")).path("state").asText()).isEqualTo("PAUSED");
        JsonNode health = health();
        assertThat(health.path("status").asText()).as(health.toString()).isEqualTo("UP");
        assertThat(health.at("/components/hub/details/connectors/ops-pijn/state").asText()).isEqualTo("PAUSED");

        HttpResponse<String> upload = operator.post("/api/v1/connectors/ops-pijn/extracts?filename=gepauzeerd.csv",
                (PIJN + "OPS-1,OPSPAT-1,2025-05-01 08:00,NRS,5\n").getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(upload.statusCode()).isEqualTo(202);
        assertThat(ApiClient.json(upload).path("status").asText()).isEqualTo("paused");
        assertThat(HUB.inbox("ops-pijn").resolve("gepauzeerd.csv")).as("not read while paused").exists();

        assertThat(ApiClient.json(operator.post("/api/v1/connectors/ops-pijn/resume")).path("state").asText()).isNotEqualTo("PAUSED");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.notExists(HUB.inbox("ops-pijn").resolve("gepauzeerd.csv")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> extracts = operator.get("/api/v1/connectors/ops-pijn/extracts");
            assertThat(ApiClient.json(extracts).path("extracts")).as(extracts.body())
                    .anySatisfy(e -> assertThat(e.path("name").asText()).isEqualTo("gepauzeerd.csv"));
        });

        JsonNode audit = ApiClient.json(operator.get("/api/v1/audit"));
        assertThat(audit.path("actions")).anySatisfy(a -> {
            assertThat(a.path("action").asText()).isEqualTo("pause");
            assertThat(a.path("user").asText()).isEqualTo("operator");
            assertThat(a.path("connector").asText()).isEqualTo("ops-pijn");
        });
        assertThat(audit.path("actions")).anySatisfy(a -> assertThat(a.path("action").asText()).isEqualTo("resume"));
        assertThat(hospital.get("/api/v1/audit").statusCode()).isEqualTo(403);
        assertThat(hospital.get("/api/v1/connectors/ops-pijn").statusCode()).as("but hospital users see").isEqualTo(200);
    }

    @Test
    void aPauseOutlivesARestartAndUploadsOfOneNameNeverReplaceEachOther() {
        assertThat(camel.getRouteController().getRouteStatus("inbox-ops-held").isStarted()).isFalse();
        assertThat(health().at("/components/hub/details/connectors/ops-held/state").asText()).isEqualTo("PAUSED");
        assertThat(HUB.inbox("ops-held").resolve("wacht.csv")).as("not read since the start").exists();
        for (String value : List.of("1", "2")) {
            HttpResponse<String> r = operator.post("/api/v1/connectors/ops-held/extracts?filename=wacht.csv",
                    (PIJN + "OPS-6" + value + ",OPSPAT-6,2025-05-02 08:00,NRS," + value + "\n").getBytes(StandardCharsets.UTF_8),
                    "text/csv");
            assertThat(r.statusCode()).isEqualTo(202);
        }
        assertThat(HUB.inbox("ops-held").resolve("2-wacht.csv")).exists();
        assertThat(HUB.inbox("ops-held").resolve("3-wacht.csv")).exists();
        assertThat(operator.post("/api/v1/connectors/ops-held/extracts", "a".getBytes(StandardCharsets.UTF_8),
                "multipart/form-data; boundary=x").statusCode()).as("a form is no file").isEqualTo(415);
        assertThat(ApiClient.json(operator.get("/api/v1/audit")).path("actions"))
                .anySatisfy(a -> assertThat(a.path("target").asText()).isEqualTo("3-wacht.csv"));

        operator.post("/api/v1/connectors/ops-held/resume");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.notExists(HUB.inbox("ops-held").resolve("wacht.csv"))
                && Files.notExists(HUB.inbox("ops-held").resolve("3-wacht.csv")));
    }

    @Test
    void lateIsADetailOfAnUpHubAndAStoppedRouteIsDown() throws Exception {
        JsonNode health = health();
        assertThat(health.path("status").asText()).as(health.toString()).isEqualTo("UP");
        assertThat(health.at("/components/hub/details/connectors/ops-late/state").asText()).isEqualTo("LATE");
        assertThat(health.at("/components/hub/details/connectors/ops-late/lateSince").asText()).isNotEmpty();
        assertThat(ApiClient.json(operator.get("/api/v1/connectors/ops-late")).path("state").asText()).isEqualTo("LATE");
        assertThat(operator.get("/actuator/prometheus").body()).contains("verbeterhub_connector_late{agb=\"" + AGB
                + "\",connector=\"ops-late\"} 1.0");

        camel.getRouteController().stopRoute("inbox-ops-late");
        try {
            assertThat(ApiClient.anonymous(port).get("/actuator/health").statusCode()).isEqualTo(503);
            assertThat(health().at("/components/hub/details/connectors/ops-late/state").asText()).isEqualTo("DOWN");
        } finally {
            camel.getRouteController().startRoute("inbox-ops-late");
        }
        assertThat(ApiClient.anonymous(port).get("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void aFileFromErrorGoesBackOnceItsCauseIsFixedAndRunNowIsNoScheduleOfAnInbox() throws Exception {
        // A file an earlier hub refused (say, before its connector's columns were mapped), now readable.
        Path error = Files.createDirectories(HUB.inbox("ops-pijn").resolve(".error"));
        Files.writeString(error.resolve("20261201T010203-herstel.csv"), PIJN + "OPS-9,OPSPAT-9,2025-06-01 08:00,NRS,3\n");
        Files.writeString(error.resolve("20261201T010203-herstel.csv.reason.txt"), "MISSING_COLUMN: no header\n");
        JsonNode errors = ApiClient.json(operator.get("/api/v1/connectors/ops-pijn/errors"));
        assertThat(errors.path("errors")).anySatisfy(e -> {
            assertThat(e.path("name").asText()).isEqualTo("20261201T010203-herstel.csv");
            assertThat(e.path("reason").asText()).isEqualTo("MISSING_COLUMN: no header");
        });
        assertThat(hospital.post("/api/v1/connectors/ops-pijn/errors/20261201T010203-herstel.csv/reprocess").statusCode())
                .isEqualTo(403);
        assertThat(operator.post("/api/v1/connectors/ops-pijn/errors/..%2F..%2Fconnectors/reprocess").statusCode())
                .as("a name is looked up, never a path").isIn(400, 404);
        HttpResponse<String> back = operator.post("/api/v1/connectors/ops-pijn/errors/20261201T010203-herstel.csv/reprocess");
        assertThat(back.statusCode()).isEqualTo(202);
        assertThat(ApiClient.json(back).path("inbox").asText()).isEqualTo("herstel.csv");
        await().atMost(Duration.ofSeconds(30)).until(() -> done().anyMatch(n -> n.endsWith("-herstel.csv")));
        assertThat(error.resolve("20261201T010203-herstel.csv.reason.txt")).doesNotExist();
        assertThat(ApiClient.json(operator.get("/api/v1/audit")).path("actions"))
                .anySatisfy(a -> assertThat(a.path("target").asText()).isEqualTo("20261201T010203-herstel.csv"));

        HttpResponse<String> run = operator.post("/api/v1/connectors/ops-pijn/run");
        assertThat(run.statusCode()).isEqualTo(409);
        assertThat(ApiClient.json(run).path("detail").asText()).contains("reads its inbox every");
    }

    private JsonNode health() {
        return ApiClient.json(operator.get("/actuator/health"));
    }

    private static Stream<String> done() throws IOException {
        Path done = HUB.inbox("ops-pijn").resolve(".done");
        if (!Files.isDirectory(done)) return Stream.empty();
        try (Stream<Path> list = Files.list(done)) {
            return list.map(p -> p.getFileName().toString()).toList().stream();
        }
    }
}
