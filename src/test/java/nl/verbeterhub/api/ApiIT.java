package nl.verbeterhub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nl.verbeterhub.access.UploadTokens;
import nl.verbeterhub.status.HubReadiness;
import nl.verbeterhub.support.ApiClient;
import nl.verbeterhub.support.FhirJson;
import nl.verbeterhub.support.HubTestProperties;
import nl.verbeterhub.support.TestKafka;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The HTTP API (issue 17, domain.md §8): 401 before any lookup, 403 across hospitals and for tokens
 * outside their connector, 404 after authentication, push uploads answered with the extract's report
 * (numbers, reasons and positions, never content), 413 before anything is stored, the OpenAPI document.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiIT {

    static final HubTestProperties HUB = HubTestProperties.create("api");
    static final String A = "06010001";
    static final String B = "06010002";
    static final String OPERATOR_PASSWORD = "operator-api-password";
    static final String TOKEN_A = "a-token-of-the-pijn-connector-of-hospital-a-0123456789";
    static final String PIJN = "measurement_id,patient_id,measured_at,scale,value\n";

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) throws IOException {
        HUB.register(registry, TestKafka.bootstrapServers());
        registry.add("VERBETERHUB_OPERATOR_PASSWORD", () -> OPERATOR_PASSWORD);
        registry.add("hub.api.max-upload-bytes", () -> "4096");
        Path users = Files.writeString(HUB.root().resolve("users.yaml"), "users:\n  - username: kwaliteit-a\n"
                + "    password: \"{bcrypt}" + new BCryptPasswordEncoder(4).encode("kwaliteit-a-password") + "\"\n"
                + "    agbs: [\"" + A + "\"]\n");
        registry.add("hub.access.users-file", users::toString);
        HUB.connector("pijn-a", A, "pijn-a", "PIJN", "uploadTokens: [\"sha256:" + UploadTokens.sha256(TOKEN_A) + "\"]\n");
        HUB.connector("pijn-b", B, "pijn-b", "PIJN", "");
        HUB.fhirConnector("fhir-a", A, "fhir-a", "");
    }

    @LocalServerPort
    int port;
    @Autowired
    HubReadiness readiness;

    private ApiClient operator;
    private ApiClient hospitalA;
    private ApiClient tokenA;

    @BeforeEach
    void clients() {
        readiness.awaitReady(Duration.ofSeconds(60));
        operator = ApiClient.basic(port, "operator", OPERATOR_PASSWORD);
        hospitalA = ApiClient.basic(port, "kwaliteit-a", "kwaliteit-a-password");
        tokenA = ApiClient.bearer(port, TOKEN_A);
    }

    @Test
    void anonymousCallsGet401WithAChallengeBeforeAnyLookup() {
        for (String path : List.of("/api/v1/connectors", "/api/v1/connectors/no-such-connector", "/api/v1/hospitals/" + B + "/drafts")) {
            HttpResponse<String> r = ApiClient.anonymous(port).get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
        }
        assertThat(ApiClient.basic(port, "operator", "wrong").get("/api/v1/connectors").statusCode()).isEqualTo(401);
        assertThat(ApiClient.bearer(port, "not-a-token").get("/api/v1/connectors").statusCode()).isEqualTo(401);
    }

    @Test
    void eachUserSeesWhatIsTheirsAnd403ElsewhereAnd404ForWhatDoesNotExist() {
        assertThat(ids(operator.get("/api/v1/connectors"))).containsExactlyInAnyOrder("pijn-a", "pijn-b", "fhir-a");
        assertThat(ids(hospitalA.get("/api/v1/connectors"))).containsExactlyInAnyOrder("pijn-a", "fhir-a");
        assertThat(ApiClient.json(hospitalA.get("/api/v1/hospitals")).path("hospitals")).singleElement()
                .satisfies(h -> assertThat(h.path("agb").asText()).isEqualTo(A));
        assertThat(ApiClient.json(operator.get("/api/v1/hospitals")).path("hospitals")).hasSize(2);
        assertThat(hospitalA.get("/api/v1/connectors/pijn-b").statusCode()).isEqualTo(403);
        assertThat(hospitalA.get("/api/v1/hospitals/" + B + "/drafts").statusCode()).isEqualTo(403);
        assertThat(operator.get("/api/v1/connectors/no-such-connector").statusCode()).isEqualTo(404);
        assertThat(ApiClient.json(operator.get("/api/v1/connectors/no-such-connector")).path("status").asInt()).isEqualTo(404);
        var noTheme = operator.get("/api/v1/hospitals/" + A + "/drafts/ZORG/2025");
        assertThat(noTheme.statusCode()).isEqualTo(404);
        assertThat(ApiClient.json(noTheme).path("detail").asText())
                .isEqualTo("no theme ZORG (VBI, NUCHTER, PIJN, KWETSBAAR, ANTISTOLLING, DIAGNOSTIEK, EIGEN)");
        assertThat(tokenA.get("/api/v1/connectors").statusCode()).as("a token only uploads").isEqualTo(403);
        assertThat(tokenA.get("/api/v1/connectors/pijn-a").statusCode()).isEqualTo(403);
        assertThat(tokenA.post("/api/v1/connectors/pijn-b/extracts?filename=x.csv", (PIJN + "M,P,2025-05-01 08:00,NRS,1\n")
                .getBytes(StandardCharsets.UTF_8), "text/csv").statusCode()).isEqualTo(403);
        assertThat(names(HUB.inbox("pijn-b"))).as("nothing of the refused upload stored").noneMatch(n -> n.contains("x.csv"));
    }

    @Test
    void anUploadIsAnsweredWithItsExtractsReportAndItsDraftIsThere() {
        byte[] csv = (PIJN + "API-1,APIPAT-JANSEN,2025-05-01 08:00,NRS,6\nAPI-2,APIPAT-JANSEN,2025-05-01 08:30,NRS,2\n"
                + "API-3,APIPAT-PIETERS,2025-05-01 09:00,NRS,11\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = tokenA.post("/api/v1/connectors/pijn-a/extracts?filename=../pijn-mei.csv", csv, "text/csv");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode body = ApiClient.json(r);
        assertThat(body.path("status").asText()).isEqualTo("committed");
        assertThat(body.path("file").asText()).isEqualTo("pijn-mei.csv");
        assertThat(body.at("/extract/records/PIJN/read").asInt()).isEqualTo(3);
        assertThat(body.at("/extract/records/PIJN/accepted").asInt()).isEqualTo(2);
        assertThat(body.at("/extract/records/PIJN/rejected/OUT_OF_RANGE").asInt()).isEqualTo(1);
        assertThat(body.at("/extract/rejections/0/position/line").asInt()).isEqualTo(4);
        assertThat(body.at("/extract/rejections/0/field").asText()).isEqualTo("value");
        assertThat(r.body()).doesNotContain("JANSEN", "PIETERS", "API-3");
        assertThat(r.headers().firstValue("Location")).hasValue("/api/v1/connectors/pijn-a/extracts/" + body.path("sha256").asText());

        JsonNode extract = ApiClient.json(hospitalA.get("/api/v1/connectors/pijn-a/extracts/" + body.path("sha256").asText()));
        assertThat(extract.at("/rejections/0/reason").asText()).isEqualTo("OUT_OF_RANGE");
        assertThat(ApiClient.json(hospitalA.get("/api/v1/connectors/pijn-a")).at("/rejectedByReason/OUT_OF_RANGE").asInt()).isEqualTo(1);
        // Drafts are regenerated once the extract is in .done/, after the upload was answered.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ApiClient.json(
                hospitalA.get("/api/v1/hospitals/" + A + "/drafts/PIJN/2025")).at("/indicators/measurements").asInt()).isEqualTo(2));
        assertThat(ApiClient.json(hospitalA.get("/api/v1/hospitals/" + A + "/drafts?theme=pijn&year=2025")).path("drafts")).hasSize(1);

        // As curl --data-binary sends it: a form content type, which must not be read as a form.
        HttpResponse<String> again = operator.post("/api/v1/connectors/pijn-a/extracts?filename=pijn-mei-kopie.csv", csv,
                "application/x-www-form-urlencoded");
        assertThat(again.statusCode()).as("the same bytes again: a re-delivery").isEqualTo(200);
        assertThat(ApiClient.json(again).path("status").asText()).isEqualTo("redelivery");
    }

    @Test
    void anUnusableUploadIsAnsweredWithItsReasonAndATooLargeOneIsNeverStored() {
        HttpResponse<String> binary = hospitalA.post("/api/v1/connectors/pijn-a/extracts?filename=kapot.csv",
                new byte[] {'m', 'e', 'a', 0, 1, 2, '\n'}, "text/csv");
        assertThat(binary.statusCode()).as(binary.body()).isEqualTo(422);
        assertThat(ApiClient.json(binary).path("reason").asText()).startsWith("NOT_TEXT");
        assertThat(ApiClient.json(hospitalA.get("/api/v1/connectors/pijn-a/errors")).path("errors")).anySatisfy(
                e -> assertThat(e.path("name").asText()).endsWith("-kapot.csv"));

        HttpResponse<String> large = operator.post("/api/v1/connectors/pijn-a/extracts?filename=groot.csv", new byte[5000], "text/csv");
        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(names(HUB.inbox("pijn-a"))).noneMatch(n -> n.contains("groot") || n.endsWith(".part"));
        assertThat(operator.post("/api/v1/connectors/pijn-a/extracts?filename=a.exe", new byte[] {'a'}, "text/csv").statusCode())
                .isEqualTo(415);
    }

    @Test
    void aFileMostlyRejectedForOneReasonSaysSoFirstWithTheShapeOfItsValues() {
        StringBuilder csv = new StringBuilder(PIJN);
        for (int i = 0; i < 12; i++) csv.append("SH-").append(i).append(",SHPAT-").append(i).append(",09/19/25 01:51 AM,NRS,4\n");
        HttpResponse<String> r = hospitalA.post("/api/v1/connectors/pijn-a/extracts?filename=calc.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode problem = ApiClient.json(r).at("/extract/dominantProblems/0");
        assertThat(problem.path("summary").asText()).isEqualTo("measured_at: 12 of 12 rows UNPARSABLE, values shaped dd/dd/dd dd:dd AM");
        assertThat(r.body()).doesNotContain("09/19/25", "SHPAT");
    }

    @Test
    void aFhirUploadIsAnsweredWithItsReportUnderItsExtractsIdentity() {
        byte[] ndjson = (FhirJson.painScore("obs-up-1", "Patient/p-up", "2024-05-01T08:00:00+02:00", "NRS", 4).json() + "\n"
                + FhirJson.painScore("obs-up-2", "Patient/p-up", "2024-05-01T09:00:00+02:00", "NRS", 12).json() + "\n")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = hospitalA.post("/api/v1/connectors/fhir-a/extracts?filename=pijn.ndjson", ndjson,
                "application/fhir+ndjson");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode body = ApiClient.json(r);
        // 2024: the other tests' drafts of hospital A are 2025's.
        assertThat(body.at("/extract/records/PIJN/accepted").asInt()).isEqualTo(1);
        assertThat(body.at("/extract/rejections/0/position/line").asInt()).isEqualTo(2);
        assertThat(body.at("/extract/rejections/0/resourceType").asText()).isEqualTo("Observation");
        assertThat(hospitalA.get(r.headers().firstValue("Location").orElseThrow()).statusCode()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("obs-up", "p-up");
    }

    @Test
    void theOpenApiDocumentListsEveryEndpoint() {
        HttpResponse<String> r = ApiClient.anonymous(port).get("/api/v1/openapi.json");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode paths = ApiClient.json(r).path("paths");
        assertThat(paths.at("/~1api~1v1~1connectors/get").isMissingNode()).isFalse();
        assertThat(paths.at("/~1api~1v1~1connectors~1{id}~1extracts/post").isMissingNode()).isFalse();
        List<String> listed = new ArrayList<>();
        paths.fieldNames().forEachRemaining(listed::add);
        assertThat(listed).containsExactlyInAnyOrder("/api/v1/connectors", "/api/v1/connectors/{id}",
                "/api/v1/connectors/{id}/extracts", "/api/v1/connectors/{id}/extracts/{sha256}", "/api/v1/connectors/{id}/errors",
                "/api/v1/connectors/{id}/errors/{name}/reprocess", "/api/v1/connectors/{id}/pause",
                "/api/v1/connectors/{id}/resume", "/api/v1/connectors/{id}/run", "/api/v1/hospitals",
                "/api/v1/hospitals/{agb}/drafts", "/api/v1/hospitals/{agb}/drafts/{theme}/{year}", "/api/v1/audit");
        assertThat(ApiClient.json(r).at("/components/securitySchemes/uploadToken/scheme").asText()).isEqualTo("bearer");
    }

    private static List<String> ids(HttpResponse<String> r) {
        assertThat(r.statusCode()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        ApiClient.json(r).path("connectors").forEach(c -> ids.add(c.path("id").asText()));
        return ids;
    }

    private static List<String> names(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
