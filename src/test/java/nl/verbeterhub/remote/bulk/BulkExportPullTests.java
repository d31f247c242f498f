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
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.connector.ConnectorLoader;
import nl.verbeterhub.connector.ConnectorType;
import nl.verbeterhub.connector.Connectors;
import nl.verbeterhub.connector.RemoteAuth;
import nl.verbeterhub.connector.SourceSettings;
import nl.verbeterhub.extract.ExtractCommit;
import nl.verbeterhub.extract.ExtractLog;
import nl.verbeterhub.extract.SourceReport;
import nl.verbeterhub.failure.FailureClassifier;
import nl.verbeterhub.failure.NotReadyException;
import nl.verbeterhub.fhir.FhirExtract;
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
 * One connector's bulk export step by step, on a clock the test moves: what is kicked off when, what lands in
 * the inbox, and what a restart or an expired export does. The inbox route is not running: the test plays it.
 */
class BulkExportPullTests {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
    private static final String TOKEN = "secret-token-0123";

    @TempDir
    Path root;

    private BulkExportServer server;
    private final MovableClock clock = new MovableClock(T0);
    private final ExtractLog log = new ExtractLog();
    private final HubReadiness readiness = new HubReadiness();
    private final RunNow runNow = new RunNow();
    private Path inbox;

    @BeforeEach
    void start() throws IOException {
        server = new BulkExportServer();
        server.token = TOKEN;
        inbox = root.resolve("inbox");
        readiness.ready();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A pull as the hub makes it at start-up (a second call is a restarted hub). */
    private BulkExportPull pull() throws IOException {
        return pull(readiness);
    }

    private BulkExportPull pull(HubReadiness readiness) throws IOException {
        Files.createDirectories(root.resolve("connectors"));
        Files.writeString(root.resolve("connectors/epd-bulk.yaml"), "id: epd-bulk\n"
                + "hospital: {agb: \"06019977\", name: Testziekenhuis}\n"
                + "type: fhir-bulk-export\n"
                + "inbox: " + inbox + "\n"
                + "baseUrl: " + server.baseUrl() + "\n"
                + "pollInterval: PT1H\n"
                + "auth: {bearerTokenEnv: EPD_TOKEN}\n");
        Connectors connectors = new Connectors(ConnectorLoader.load(root.resolve("connectors"), Duration.ofMillis(250)));
        return new BulkExportPull(connectors, log, readiness, new PullStatus(new ConnectorStatus(clock), new FailureClassifier(), clock),
                runNow, new BulkExportClient(Duration.ofSeconds(2), Duration.ofSeconds(5)), Map.of("EPD_TOKEN", TOKEN)::get, clock);
    }

    private BulkExportServer.Job painExport() {
        BulkExportServer.Job job = new BulkExportServer.Job()
                .file("Patient-1.ndjson", patient("pt-1", "1950-07-08"))
                .file("Observation-1.ndjson", painScore("obs-1", "Patient/pt-1", "2025-05-01T08:00:00+02:00", "NRS", 6));
        job.requiresAccessToken = true;
        job.withErrorFile = true;
        return job;
    }

    private List<String> inboxEntries() throws IOException {
        try (Stream<Path> entries = Files.list(inbox)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aCompleteExportLandsInTheInboxAsOneFolderWithItsManifestAndIsThenDeleted() throws Exception {
        server.script(painExport());
        BulkExportPull pull = pull();
        pull.step("epd-bulk");
        assertThat(server.kickOffs()).hasSize(1);
        assertThat(inboxEntries()).containsExactly(ExportState.FILE);

        pull.step("epd-bulk");
        assertThat(inboxEntries()).containsExactly(ExportState.FILE, "export-20261204T100000Z");
        FhirExtract extract = FhirExtract.delivered(inbox.resolve("export-20261204T100000Z"));
        assertThat(extract.files()).extracting(FhirExtract.File::name).containsExactly("Observation-1.ndjson", "Patient-1.ndjson");
        assertThat(extract.transactionTime()).isEqualTo(Instant.parse("2025-06-03T10:00:00Z"));
        List<BulkExportServer.Request> downloads = server.requests().stream().filter(r -> r.path().startsWith("/files/")).toList();
        assertThat(downloads).extracting(BulkExportServer.Request::path).noneMatch(p -> p.endsWith("errors.ndjson"));
        assertThat(downloads).hasSize(2).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN));
        assertThat(server.requests()).filteredOn(r -> r.method().equals("DELETE")).hasSize(1);
        assertThat(ExportState.read(inbox)).isEqualTo(ExportState.idleUntil(T0.plus(Duration.ofHours(1))));
    }

    @Test
    void theNextExportWaitsForPollIntervalAndTheCommitAndAsksForChangesSinceTheCommittedTransactionTime() throws Exception {
        server.script(painExport());
        BulkExportPull pull = pull();
        pull.step("epd-bulk");
        pull.step("epd-bulk");
        clock.advance(Duration.ofHours(2));
        pull.step("epd-bulk");
        assertThat(server.kickOffs()).as("the delivery is not committed yet").hasSize(1);

        // The inbox route commits the export and moves it to .done/.
        Files.createDirectories(inbox.resolve(".done"));
        Files.move(inbox.resolve("export-20261204T100000Z"), inbox.resolve(".done/20261204-export-20261204T100000Z"));
        Instant committed = clock.instant();
        log.add(new ExtractCommit("06019977", "epd-bulk", "export-20261204T100000Z", "ab".repeat(32), committed, committed,
                Map.of(), new SourceReport(Map.of(), 0, List.of(), 0, Instant.parse("2025-06-03T10:00:00Z"))));
        pull.step("epd-bulk");
        assertThat(server.kickOffs()).hasSize(2);
        assertThat(server.kickOffs().get(0).query()).doesNotContainKey("_since");
        assertThat(server.kickOffs().get(1).query()).containsEntry("_since", "2025-06-03T10:00:00Z");
    }

    @Test
    void runNowKicksOffAtOnceOrWithAnExportInFlightAsksItsStatusAtOnce() throws Exception {
        BulkExportServer.Job slow = painExport();
        slow.inProgress = 1;
        server.script(slow, painExport());
        BulkExportPull pull = pull();
        pull.step("epd-bulk");
        pull.step("epd-bulk");
        runNow.request("epd-bulk");
        pull.step("epd-bulk");
        assertThat(server.requests()).as("the status asked again at once, not after its Retry-After")
                .filteredOn(r -> r.method().equals("GET") && r.path().startsWith("/status/")).hasSize(2);
        assertThat(inboxEntries()).contains("export-20261204T100000Z");
        // The inbox route commits the export; the next one is due pollInterval later, but an operator asks now.
        Files.createDirectories(inbox.resolve(".done"));
        Files.move(inbox.resolve("export-20261204T100000Z"), inbox.resolve(".done/20261204-export-20261204T100000Z"));
        pull.step("epd-bulk");
        assertThat(server.kickOffs()).hasSize(1);
        runNow.request("epd-bulk");
        pull.step("epd-bulk");
        assertThat(server.kickOffs()).hasSize(2);
        assertThat(runNow.take("epd-bulk")).as("used up").isFalse();
    }

    @Test
    void aRestartedHubResumesTheExportInFlightInsteadOfKickingOffAnother() throws Exception {
        BulkExportServer.Job slow = painExport();
        slow.inProgress = 5;
        server.script(slow);
        BulkExportPull before = pull();
        before.step("epd-bulk");
        before.step("epd-bulk");
        assertThat(ExportState.read(inbox).checkAfter()).as("the server's Retry-After").isEqualTo(T0.plusSeconds(1));

        BulkExportPull after = pull();
        after.step("epd-bulk");
        assertThat(server.requests()).as("nothing before the Retry-After").hasSize(2);
        clock.advance(Duration.ofSeconds(1));
        after.step("epd-bulk");
        assertThat(server.kickOffs()).hasSize(1);
        assertThat(server.requests()).hasSize(3).last().satisfies(r -> assertThat(r.path()).startsWith("/status/"));
    }

    @Test
    void anExpiredExportIsForgottenAndKickedOffAgainLater() throws Exception {
        BulkExportServer.Job expired = painExport();
        expired.expired = true;
        server.script(expired);
        BulkExportPull pull = pull();
        pull.step("epd-bulk");
        pull.step("epd-bulk");
        assertThat(ExportState.read(inbox)).isEqualTo(ExportState.idleUntil(T0.plus(Duration.ofMinutes(5))));
        pull.step("epd-bulk");
        assertThat(server.kickOffs()).hasSize(1);
        clock.advance(Duration.ofMinutes(5));
        pull.step("epd-bulk");
        assertThat(server.kickOffs()).hasSize(2);
    }

    @Test
    void filesThatExpireDuringTheDownloadLeaveNothingHalfDelivered() throws Exception {
        BulkExportServer.Job gone = painExport();
        gone.filesGone = true;
        server.script(gone);
        BulkExportPull pull = pull();
        pull.step("epd-bulk");
        pull.step("epd-bulk");
        assertThat(inboxEntries()).containsExactly(ExportState.FILE);
        assertThat(ExportState.read(inbox).inFlight()).isFalse();
    }

    @Test
    void anExportWithoutChangesDeliversNothingAndIsDeleted() throws Exception {
        BulkExportPull pull = pull();
        pull.step("epd-bulk");
        pull.step("epd-bulk");
        assertThat(inboxEntries()).containsExactly(ExportState.FILE);
        assertThat(server.requests()).filteredOn(r -> r.method().equals("DELETE")).hasSize(1);
    }

    @Test
    void theExampleConnectorFileIsAValidBulkExportConnector() throws IOException {
        Path dir = Files.createDirectories(root.resolve("example"));
        Files.copy(Path.of("connectors/examples/voorbeeld-bulk-export.yaml"), dir.resolve("voorbeeld.yaml"));
        ConnectorConfig c = ConnectorLoader.load(dir, Duration.ofMillis(250)).get(0);
        assertThat(c.type()).isEqualTo(ConnectorType.FHIR_BULK_EXPORT);
        assertThat(c.inbox()).isEqualTo(Path.of("data/inbox/voorbeeld-bulk-export"));
        SourceSettings.BulkExport settings = (SourceSettings.BulkExport) c.settings();
        assertThat(settings.kickOffPath()).isEqualTo("Group/verbeterdoelen-cohort/$export");
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofDays(1));
        assertThat(settings.auth()).isEqualTo(new RemoteAuth.Bearer("VOORBEELD_BULK_EXPORT_TOKEN"));
    }

    @Test
    void nothingIsKickedOffBeforeTheHubHasRestoredItsExtractLog() throws Exception {
        BulkExportPull pull = pull(new HubReadiness());
        assertThatThrownBy(() -> pull.step("epd-bulk")).isInstanceOf(NotReadyException.class);
        assertThat(server.requests()).isEmpty();
    }
}
