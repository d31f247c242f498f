package nl.verbeterhub.remote.bulk;

import static nl.verbeterhub.support.FhirJson.painScore;
import static nl.verbeterhub.support.FhirJson.patient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.verbeterhub.connector.ConnectorLoader;
import nl.verbeterhub.connector.Connectors;
import nl.verbeterhub.extract.ExtractLog;
import nl.verbeterhub.failure.FailureClassifier;
import nl.verbeterhub.failure.RemoteSourceException;
import nl.verbeterhub.status.ConnectorStatus;
import nl.verbeterhub.status.HubReadiness;
import nl.verbeterhub.remote.PullStatus;
import nl.verbeterhub.ops.RunNow;
import nl.verbeterhub.support.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a bulk export must never do: send the token to a host other than {@code baseUrl}'s origin, be held up by
 * a file the inbox route never reads, or leave raw data outside {@code .done/} and {@code .error/} when it fails.
 */
class BulkExportSafetyTests {

    private static final String TOKEN = "safety-token-0123";
    private static final String NAME = "export-20261204T100000Z";

    @TempDir
    Path root;

    private BulkExportServer server;
    private BulkExportServer elsewhere;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-04T10:00:00Z"));
    private final HubReadiness readiness = new HubReadiness();
    private Path inbox;
    private BulkExportPull pull;

    @BeforeEach
    void start() throws IOException {
        server = new BulkExportServer();
        server.token = TOKEN;
        elsewhere = server.elsewhere();
        inbox = root.resolve("inbox");
        readiness.ready();
        Files.createDirectories(root.resolve("connectors"));
        Files.writeString(root.resolve("connectors/epd-bulk.yaml"), "id: epd-bulk\n"
                + "hospital: {agb: \"06019977\", name: Testziekenhuis}\n"
                + "type: fhir-bulk-export\ninbox: " + inbox + "\nbaseUrl: " + server.baseUrl() + "\n"
                + "pollInterval: PT1H\nauth: {bearerTokenEnv: EPD_TOKEN}\n");
        Connectors connectors = new Connectors(ConnectorLoader.load(root.resolve("connectors"), Duration.ofMillis(250)));
        pull = new BulkExportPull(connectors, new ExtractLog(), readiness,
                new PullStatus(new ConnectorStatus(clock), new FailureClassifier(), clock), new RunNow(),
                new BulkExportClient(Duration.ofSeconds(2), Duration.ofSeconds(5)), Map.of("EPD_TOKEN", TOKEN)::get, clock);
    }

    @AfterEach
    void stop() {
        server.close();
        elsewhere.close();
    }

    private static BulkExportServer.Job painExport() {
        BulkExportServer.Job job = new BulkExportServer.Job()
                .file("Patient-1.ndjson", patient("pt-1", "1950-07-08"))
                .file("Observation-1.ndjson", painScore("obs-1", "Patient/pt-1", "2025-05-01T08:00:00+02:00", "NRS", 6));
        job.requiresAccessToken = true;
        return job;
    }

    private List<String> inboxEntries() throws IOException {
        try (Stream<Path> entries = Files.list(inbox)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aStatusUrlOnAnotherHostIsAskedAndDeletedWithoutTheToken() throws Exception {
        server.statusAt = elsewhere;
        elsewhere.filesAt = server; // the manifest, served there, lists the files here
        server.script(painExport());
        pull.step("epd-bulk");
        pull.step("epd-bulk");

        assertThat(inboxEntries()).contains(NAME);
        assertThat(server.kickOffs()).singleElement().satisfies(r -> assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN));
        assertThat(elsewhere.requests()).extracting(BulkExportServer.Request::method).containsExactly("GET", "DELETE");
        assertThat(elsewhere.requests()).allSatisfy(r -> assertThat(r.authorization()).isNull());
        assertThat(server.requests()).filteredOn(r -> r.path().startsWith("/files/")).hasSize(2)
                .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN));
    }

    @Test
    void outputFilesOnAnotherHostGetNoTokenThoughTheManifestRequiresIt() throws Exception {
        server.filesAt = elsewhere;
        server.script(painExport());
        pull.step("epd-bulk");
        pull.step("epd-bulk");

        assertThat(inboxEntries()).contains(NAME);
        assertThat(elsewhere.requests()).hasSize(2).allSatisfy(r -> {
            assertThat(r.path()).startsWith("/files/");
            assertThat(r.authorization()).isNull();
        });
        assertThat(server.requests()).filteredOn(r -> r.path().startsWith("/status/"))
                .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN));
    }

    @Test
    void aStatusUrlOnAnotherHostThatWantsTheTokenRefusesTheConnectorSayingWhy() throws Exception {
        server.statusAt = elsewhere;
        elsewhere.token = TOKEN;
        pull.step("epd-bulk");
        assertThatThrownBy(() -> pull.step("epd-bulk")).isInstanceOf(RemoteSourceException.Refused.class)
                .hasMessageContaining("another host than baseUrl").hasMessageNotContaining(TOKEN);
        assertThat(elsewhere.requests()).singleElement().satisfies(r -> assertThat(r.authorization()).isNull());
    }

    @Test
    void copiesUnderWayAndExcelOwnerFilesInTheInboxHoldUpNoKickOff() throws Exception {
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve("Observation.ndjson.part"), "{");
        Files.writeString(inbox.resolve("~$pijn.csv"), "owner");
        Files.writeString(inbox.resolve("upload.tmp"), "x");
        pull.step("epd-bulk");
        assertThat(server.kickOffs()).hasSize(1);
    }

    @Test
    void aDeliveryWaitingToBeCommittedStillHoldsUpTheKickOff() throws Exception {
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve("Observation.ndjson"), "{}\n");
        pull.step("epd-bulk");
        assertThat(server.kickOffs()).isEmpty();
    }

    @Test
    void aDownloadThatFailsLeavesNoStagingFolderBehind() throws Exception {
        BulkExportServer.Job job = painExport();
        job.failingFile = "Observation-1.ndjson";
        server.script(job);
        pull.step("epd-bulk");
        assertThatThrownBy(() -> pull.step("epd-bulk")).isInstanceOf(RemoteSourceException.Unavailable.class)
                .hasMessage("a download answered HTTP 500");
        assertThat(server.requests()).filteredOn(r -> r.path().endsWith("/Patient-1.ndjson")).hasSize(1);
        assertThat(inboxEntries()).containsExactly(ExportState.FILE);
        assertThat(ExportState.read(inbox).inFlight()).as("asked again when retried").isTrue();
    }
}
