package nl.verbeterhub.remote.fhir;

import static nl.verbeterhub.support.FhirJson.anaesthesia;
import static nl.verbeterhub.support.FhirJson.intake;
import static nl.verbeterhub.support.FhirJson.painScore;
import static nl.verbeterhub.support.FhirJson.patient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.connector.ConnectorType;
import nl.verbeterhub.connector.RemoteAuth;
import nl.verbeterhub.connector.SourceSettings;
import nl.verbeterhub.failure.RemoteSourceException;
import nl.verbeterhub.fhir.FhirExtract;
import nl.verbeterhub.remote.auth.Authorizer;
import nl.verbeterhub.remote.auth.Authorizers;
import nl.verbeterhub.support.FhirJson;
import nl.verbeterhub.support.fhirserver.FhirTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run against a real HAPI FHIR server: paging, includes, the watermark, and failures mid-paging that
 * leave nothing delivered and nothing advanced.
 */
class ServerPullerTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Authorizer NONE = Authorizers.of(new RemoteAuth.None(), k -> null);

    @TempDir
    Path dir;

    private FhirTestServer server;
    private ServerPuller puller;
    private Path inbox;

    @BeforeEach
    void start() throws Exception {
        server = new FhirTestServer(FhirContext.forR4Cached());
        puller = new ServerPuller(Clock.systemUTC());
        inbox = dir.resolve("inbox");
        for (int i = 0; i < 25; i++) {
            server.store().put(painScore("p" + i, "Patient/pt" + (i % 5), "2026-03-0" + (1 + i % 9) + "T10:00:00+01:00", "NRS", i % 11).json());
        }
        server.store().put(patient("child", "2020-05-05").json());
        server.store().put(anaesthesia("op1", "Patient/child", null, "2026-04-01T09:00:00+02:00").json());
        server.store().put(intake("in1", "Procedure/op1", "solid", "2026-04-01T01:00:00+02:00").json());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private ConnectorConfig connector(int pageSize) {
        return new ConnectorConfig("server", "06019999", "Testziekenhuis", ConnectorType.FHIR_SERVER, inbox, false, Set.of(),
                Duration.ofSeconds(1), new SourceSettings.FhirServer(SourceSettings.Fhir.DEFAULTS, URI.create(server.baseUrl()),
                Duration.ofMinutes(5), new RemoteAuth.None(), pageSize), null);
    }

    @Test
    void aRunPagesThroughEverySearchAndDeliversOneFolderWithTheServersStartTime() throws Exception {
        Instant before = Instant.now();
        ServerPuller.Fetched run = puller.pull(connector(4), Optional.empty(), NONE);

        Path folder = run.delivered().orElseThrow();
        assertThat(folder.getParent()).isEqualTo(inbox);
        assertThat(folder.getFileName().toString()).startsWith("run-");
        Map<String, Long> byType = types(folder);
        assertThat(byType).containsEntry("Observation", 26L).containsEntry("Procedure", 1L).containsEntry("Patient", 1L);
        assertThat(run.resources()).isEqualTo(28);
        assertThat(server.requests().stream().filter(r -> r.contains("_getpages")).count()).as("later pages").isGreaterThanOrEqualTo(6);
        assertThat(run.requests()).isEqualTo(server.requests().size());
        Instant started = Instant.parse(JSON.readTree(folder.resolve(FhirExtract.RUN_MARKER).toFile()).get("startedAt").asText());
        assertThat(started).isAfterOrEqualTo(before.minusSeconds(1)).isBeforeOrEqualTo(Instant.now());
        assertThat(FhirExtract.delivered(folder).run()).isTrue();
    }

    @Test
    void theNextRunAsksForWhatChangedSinceTheWatermarkAtMillisecondPrecision() throws IOException {
        ServerPuller.Fetched first = puller.pull(connector(100), Optional.empty(), NONE);
        Instant watermark = startedAt(first.delivered().orElseThrow());
        Files.move(first.delivered().get(), dir.resolve("done"));
        long stamp = server.store().lastStamp();
        await().until(() -> System.currentTimeMillis() > stamp);
        server.store().put(painScore("p3", "Patient/pt3", "2026-03-04T10:00:00+01:00", "NRS", 9).json());
        server.clearRequests();

        ServerPuller.Fetched second = puller.pull(connector(100), Optional.of(watermark), NONE);

        assertThat(types(second.delivered().orElseThrow())).isEqualTo(Map.of("Observation", 1L));
        assertThat(server.requests()).allMatch(r -> r.contains("_lastUpdated=ge" + watermark.toString().replace(":", "%3A"))
                || r.contains("_getpages"));
    }

    @Test
    void aRunThatFindsNothingIsNoExtract() throws IOException {
        ServerPuller.Fetched run = puller.pull(connector(100), Optional.of(Instant.now().plusSeconds(3600)), NONE);
        assertThat(run.delivered()).isEmpty();
        try (Stream<Path> left = Files.list(inbox)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aServerThatTurnsAPageAwayForAMomentIsAskedAgainInPlace() throws IOException {
        server.fail(FhirTestServer.laterPages(), 503, "0", 2);
        server.fail(FhirTestServer.laterPages(), 429, "0", 1);
        ServerPuller.Fetched run = puller.pull(connector(4), Optional.empty(), NONE);
        assertThat(run.resources()).isEqualTo(28);
        assertThat(run.requests()).as("three pages asked twice").isEqualTo(server.requests().size());
    }

    @Test
    void aServerThatFailsMidPagingForLongerLeavesNothingAndTheNextRunFetchesItAll() throws IOException {
        server.fail(FhirTestServer.laterPages(), 503, "60", 1);
        assertThatThrownBy(() -> puller.pull(connector(4), Optional.empty(), NONE))
                .isInstanceOfSatisfying(RemoteSourceException.Unavailable.class, e -> {
                    assertThat(e.retryAfter()).as("longer than is waited in place").contains(Duration.ofSeconds(60));
                    assertThat(e.getMessage()).isEqualTo("HTTP 503 on pain Observation search");
                });
        try (Stream<Path> left = Files.list(inbox)) {
            assertThat(left).as("raw data rests only in .done/ and .error/").isEmpty();
        }
        server.fail(FhirTestServer.laterPages(), 429, "0", FhirHttp.TRIES);
        assertThatThrownBy(() -> puller.pull(connector(4), Optional.empty(), NONE)).isInstanceOf(RemoteSourceException.Unavailable.class);

        ServerPuller.Fetched run = puller.pull(connector(4), Optional.empty(), NONE);
        assertThat(run.resources()).isEqualTo(28);
        try (Stream<Path> left = Files.list(inbox)) {
            assertThat(left).containsExactly(run.delivered().orElseThrow());
        }
    }

    @Test
    void aStrayCopyUnderWayInTheInboxHoldsNoRunBack() throws IOException {
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve("export.ndjson.part"), "{}");
        Files.writeString(inbox.resolve("~$notes.csv"), "x");
        assertThat(ServerPuller.pending(inbox)).isFalse();
        Files.writeString(inbox.resolve("export.ndjson"), "{}");
        assertThat(ServerPuller.pending(inbox)).isTrue();
    }

    @Test
    void anAdmissionNamedByManyProceduresIsWrittenOnce() throws IOException {
        server.store().put(FhirJson.admission("adm1", "Patient/pt1", "2026-03-01T08:00:00+01:00", "2026-03-09T08:00:00+01:00").json());
        for (int i = 0; i < 6; i++) {
            server.store().put(FhirJson.vbi("v" + i, "Patient/pt1", "123891000146106", "2026-03-0" + (2 + i) + "T10:00:00+01:00",
                    "2026-03-0" + (2 + i) + "T11:00:00+01:00").ref("encounter", "Encounter/adm1").json());
        }
        Path folder = puller.pull(connector(2), Optional.empty(), NONE).delivered().orElseThrow();
        assertThat(types(folder)).containsEntry("Encounter", 1L).containsEntry("Procedure", 7L);
    }

    @Test
    void nextLinksAreFollowedRelativeOrWithTheDefaultPortAndNeverElsewhere() {
        assertThat(FhirHttp.sameOrigin(URI.create("https://fhir.example.org/r4"), URI.create("https://fhir.example.org:443/r4?p=2")))
                .isTrue();
        assertThat(FhirHttp.sameOrigin(URI.create("http://fhir.example.org/r4"), URI.create("http://FHIR.example.org:80/x"))).isTrue();
        assertThat(FhirHttp.sameOrigin(URI.create("https://fhir.example.org/r4"), URI.create("http://fhir.example.org/r4"))).isFalse();
        assertThat(FhirHttp.sameOrigin(URI.create("https://fhir.example.org/r4"), URI.create("https://evil.example.org/r4"))).isFalse();
        assertThat(URI.create("https://fhir.example.org/r4/Observation?code=x").resolve("?_getpages=abc"))
                .hasHost("fhir.example.org");
    }

    @Test
    void aBadQueryOrAForbiddenScopeStopsTheConnectorAndAStaticTokenIsSentAndNotRetried() {
        server.fail(r -> true, 403, null, 1);
        assertThatThrownBy(() -> puller.pull(connector(4), Optional.empty(), NONE))
                .isInstanceOf(RemoteSourceException.Refused.class).hasMessage("HTTP 403 on pain Observation search");

        server.requireToken("s3cret");
        Authorizer bearer = Authorizers.of(new RemoteAuth.Bearer("FHIR_TOKEN"), Map.of("FHIR_TOKEN", "wrong")::get);
        assertThatThrownBy(() -> puller.pull(connector(4), Optional.empty(), bearer))
                .isInstanceOf(RemoteSourceException.Refused.class).hasMessage("HTTP 401 on pain Observation search");
        assertThat(server.unauthorized()).isEqualTo(1);
    }

    @Test
    void aNextLinkToAnotherServerIsNotFollowed() {
        FhirHttp http = new FhirHttp(FhirHttp.newClient(), URI.create(server.baseUrl()), NONE, Clock.systemUTC());
        assertThatThrownBy(() -> http.get(URI.create("http://elsewhere.invalid/fhir/Observation"), "a page"))
                .isInstanceOf(RemoteSourceException.Refused.class);
    }

    @Test
    void aResourceWithAnInvalidDateIsWrittenAsTheServerSentIt() throws IOException {
        server.store().put(painScore("bad", "Patient/pt1", "2019-02-30T10:00:00+01:00", "NRS", 3).json());
        Path folder = puller.pull(connector(100), Optional.empty(), NONE).delivered().orElseThrow();
        assertThat(Files.readString(folder.resolve(FhirExtract.RUN_FILE))).contains("2019-02-30T10:00:00+01:00");
    }

    @Test
    void anIntakeThatChangedWithoutItsProcedureBringsTheProcedureWithWhatItNeeds() throws IOException {
        long seeded = server.store().lastStamp();
        await().until(() -> System.currentTimeMillis() > seeded);
        server.store().put(intake("in2", "Procedure/op1", "clear-fluid", "2026-04-01T07:00:00+02:00").json());
        Instant watermark = Instant.ofEpochMilli(server.store().lastStamp());
        server.clearRequests();

        Path folder = puller.pull(connector(100), Optional.of(watermark), NONE).delivered().orElseThrow();

        assertThat(types(folder)).isEqualTo(Map.of("Observation", 2L, "Procedure", 1L, "Patient", 1L));
        assertThat(server.requests()).anyMatch(r -> r.contains("_id=op1"));
    }

    private static Instant startedAt(Path folder) throws IOException {
        return Instant.parse(JSON.readTree(folder.resolve(FhirExtract.RUN_MARKER).toFile()).get("startedAt").asText());
    }

    private static Map<String, Long> types(Path folder) throws IOException {
        List<String> types = new ArrayList<>();
        for (String line : Files.readAllLines(folder.resolve(FhirExtract.RUN_FILE))) {
            JsonNode r = JSON.readTree(line);
            types.add(r.get("resourceType").asText());
        }
        return types.stream().collect(Collectors.groupingBy(t -> t, TreeMap::new, Collectors.counting()));
    }
}
