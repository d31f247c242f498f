package nl.verbeterhub.remote.sftp;

import static nl.verbeterhub.remote.sftp.SftpFixture.append;
import static nl.verbeterhub.remote.sftp.SftpFixture.appendBytes;
import static nl.verbeterhub.remote.sftp.SftpFixture.archived;
import static nl.verbeterhub.remote.sftp.SftpFixture.closedPort;
import static nl.verbeterhub.remote.sftp.SftpFixture.connector;
import static nl.verbeterhub.remote.sftp.SftpFixture.dir;
import static nl.verbeterhub.remote.sftp.SftpFixture.list;
import static nl.verbeterhub.remote.sftp.SftpFixture.upload;
import static nl.verbeterhub.remote.sftp.SftpFixture.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import nl.verbeterhub.config.HubProperties;
import nl.verbeterhub.connector.Connectors;
import nl.verbeterhub.json.HubJson;
import nl.verbeterhub.status.ConnectorStatus;
import nl.verbeterhub.status.HubReadiness;
import nl.verbeterhub.ops.ConnectorOverview;
import nl.verbeterhub.ops.ConnectorState;
import nl.verbeterhub.support.HubTestProperties;
import nl.verbeterhub.support.TestKafka;
import nl.verbeterhub.support.TopicReader;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * The sftp-inbox connector against in-process SFTP servers (issue 16): what is put on the server lands in the
 * local inbox whole and becomes drafts, what is still being uploaded is left alone, and a server presenting
 * another host key than the one in knownHosts stops the connector, with the reason, before anything is read.
 */
@SpringBootTest
class SftpInboxIT {

    static final HubTestProperties HUB = HubTestProperties.create("sftp");
    static final Duration WAIT = Duration.ofSeconds(60);
    static final String PASSWORD = "s3cret-for-the-test";
    static final KeyPair CLIENT_KEY = EmbeddedSftpServer.keyPair("RSA", 2048);
    static final Path SERVED = dir("served");
    static final Path IMPOSTOR_SERVED = dir("impostor");
    static final EmbeddedSftpServer SERVER = EmbeddedSftpServer.start(SERVED, "hub", PASSWORD, CLIENT_KEY.getPublic());
    /** Listens elsewhere with a key of its own, where known_hosts holds the real server's key: as a changed host key. */
    static final EmbeddedSftpServer IMPOSTOR = EmbeddedSftpServer.start(IMPOSTOR_SERVED, "hub", PASSWORD, CLIENT_KEY.getPublic());

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) throws IOException {
        HUB.register(registry, TestKafka.bootstrapServers());
        Path knownHosts = HUB.root().resolve("known_hosts");
        Files.writeString(knownHosts, SERVER.knownHostsLine(SERVER.port()) + "\n" + SERVER.knownHostsLine(IMPOSTOR.port()) + "\n");
        Files.createDirectories(SERVED.resolve("out"));
        Files.createDirectories(SERVED.resolve("fhir"));
        Files.createDirectories(IMPOSTOR_SERVED.resolve("out"));
        Files.copy(Path.of("samples", "pijn-2026-11-20.csv"), IMPOSTOR_SERVED.resolve("out/pijn-2026-11-20.csv"));
        connector("sftp-csv", "06019911", SERVER.port(), "out", "passwordEnv: SFTP_TEST_PASSWORD\n", knownHosts);
        connector("sftp-fhir", "06019912", SERVER.port(), "fhir", "format: fhir\nprivateKeyEnv: SFTP_TEST_KEY\n", knownHosts);
        connector("sftp-changed", "06019913", IMPOSTOR.port(), "out", "passwordEnv: SFTP_TEST_PASSWORD\n", knownHosts);
        connector("sftp-unset", "06019914", SERVER.port(), "out", "passwordEnv: SFTP_TEST_UNSET\n", knownHosts);
        connector("sftp-away", "06019915", closedPort(), "out", "passwordEnv: SFTP_TEST_PASSWORD\n", knownHosts);
    }

    @TestBean(name = "remoteEnvironment", methodName = "environment")
    Function<String, String> environment;

    static Function<String, String> environment() {
        return Map.of("SFTP_TEST_PASSWORD", PASSWORD, "SFTP_TEST_KEY", EmbeddedSftpServer.pem(CLIENT_KEY))::get;
    }

    @Autowired
    HubReadiness readiness;
    @Autowired
    HubProperties properties;
    @Autowired
    CamelContext camel;
    @Autowired
    Connectors connectors;
    @Autowired
    ConnectorOverview overview;
    @Autowired
    ConnectorStatus status;

    @BeforeEach
    void ready() {
        readiness.awaitReady(WAIT);
    }

    @AfterAll
    static void stopServers() throws IOException {
        SERVER.close();
        IMPOSTOR.close();
    }

    @Test
    void aCsvPutOnTheServerLandsInTheInboxBecomesDraftsAndLeavesTheServer() throws Exception {
        Path sample = Path.of("samples", "pijn-2026-11-20.csv");
        upload(SERVED.resolve("out"), sample.getFileName().toString(), Files.readAllBytes(sample));

        Path done = await().atMost(WAIT).until(() -> archived(HUB.inbox("sftp-csv"), sample.getFileName().toString()), p -> p != null);
        assertThat(done).hasSameBinaryContentAs(sample);
        assertThat(SERVED.resolve("out").resolve(sample.getFileName())).doesNotExist();
        assertThat(list(HUB.inbox("sftp-csv").resolve(SftpDelivery.WORK))).isEmpty();

        Map<String, JsonNode> expected = validate(properties, "06019911", sample);
        await().atMost(WAIT).untilAsserted(() -> {
            Map<String, byte[]> drafts = TopicReader.latest(TestKafka.bootstrapServers(), HUB.draftsTopic());
            for (var e : expected.entrySet()) {
                assertThat(drafts).containsKey(e.getKey());
                JsonNode published = HubJson.MAPPER.readTree(drafts.get(e.getKey()));
                for (String part : List.of("hospital", "theme", "period", "indicators", "dataQuality")) {
                    assertThat(published.get(part)).as(e.getKey() + " " + part).isEqualTo(e.getValue().get(part));
                }
            }
        });
        assertThat(status.details("sftp-csv")).doesNotContainKeys("retrying", "stopped");
    }

    @Test
    void aFileStillBeingUploadedIsNotTakenUntilComplete() throws Exception {
        Path out = SERVED.resolve("out");
        Path vbi = Path.of("samples", "vbi-2026-11-20.csv");
        Path nuchter = Path.of("samples", "nuchter-2026-11-20.csv");
        // One upload under a temporary name, one file written in place and still growing.
        Files.write(out.resolve("vbi-2026-11-20.csv.part"), Files.readAllBytes(vbi));
        // A csv connector takes the files of its folder, never those of a sub-folder.
        Files.copy(vbi, Files.createDirectories(out.resolve("archief")).resolve(vbi.getFileName()));
        List<String> lines = Files.readAllLines(nuchter, StandardCharsets.UTF_8);
        Path growing = out.resolve(nuchter.getFileName());
        Files.writeString(growing, lines.get(0) + "\n");
        ScheduledExecutorService uploader = Executors.newSingleThreadScheduledExecutor();
        int[] next = {1};
        uploader.scheduleAtFixedRate(() -> append(growing, lines.get(next[0]++ % lines.size())), 0, 150, TimeUnit.MILLISECONDS);
        try {
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() ->
                    list(HUB.inbox("sftp-csv")).stream().noneMatch(p -> p.getFileName().toString().startsWith("vbi")
                            || p.getFileName().toString().startsWith("nuchter"))
                            && archived(HUB.inbox("sftp-csv"), nuchter.getFileName().toString()) == null);
        } finally {
            uploader.shutdownNow();
            assertThat(uploader.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
        // The uploads complete: the rest of the file, and the rename of the other.
        Files.writeString(growing, String.join("\n", lines) + "\n");
        Files.move(out.resolve("vbi-2026-11-20.csv.part"), out.resolve(vbi.getFileName()));

        Path inbox = HUB.inbox("sftp-csv");
        Path nuchterDone = await().atMost(WAIT).until(() -> archived(inbox, nuchter.getFileName().toString()), p -> p != null);
        Path vbiDone = await().atMost(WAIT).until(() -> archived(inbox, vbi.getFileName().toString()), p -> p != null);
        assertThat(nuchterDone).hasContent(String.join("\n", lines) + "\n");
        assertThat(vbiDone).hasSameBinaryContentAs(vbi);
        assertThat(list(inbox.resolve(".done"))).noneMatch(p -> p.getFileName().toString().contains("nuchter")
                && !p.equals(nuchterDone));
        assertThat(inbox.resolve(".error")).doesNotExist();
        assertThat(out.resolve("archief").resolve(vbi.getFileName())).exists();
    }

    @Test
    void aBulkExportFolderArrivesInTheFhirInboxAsOneFolder() throws Exception {
        Path export = Path.of("samples", "fhir-2026-11-20");
        Path remote = Files.createDirectories(SERVED.resolve("fhir/export-1"));
        List<Path> files;
        try (Stream<Path> s = Files.list(export)) {
            files = s.sorted().toList();
        }
        // Written in place, one file at a time: the last one still growing while the others are there.
        Path last = files.get(files.size() - 1);
        for (Path f : files) if (!f.equals(last)) Files.copy(f, remote.resolve(f.getFileName()));
        byte[] lastBytes = Files.readAllBytes(last);
        Path growing = remote.resolve(last.getFileName());
        Files.write(growing, new byte[]{lastBytes[0]});
        ScheduledExecutorService uploader = Executors.newSingleThreadScheduledExecutor();
        uploader.scheduleAtFixedRate(() -> appendBytes(growing, new byte[]{' '}), 0, 150, TimeUnit.MILLISECONDS);
        Path inbox = HUB.inbox("sftp-fhir");
        try {
            // The complete files are taken and wait, hidden, for the one still growing: the folder is handed over as one.
            await().atMost(WAIT).until(() -> list(inbox.resolve(SftpDelivery.STAGED).resolve("export-1")).size() == files.size() - 1);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() ->
                    !Files.exists(inbox.resolve("export-1")) && !Files.exists(inbox.resolve(".done")));
        } finally {
            uploader.shutdownNow();
            assertThat(uploader.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
        Files.write(growing, lastBytes);

        Path done = await().atMost(WAIT).until(() -> archived(inbox, "export-1"), p -> p != null);
        for (Path f : files) assertThat(done.resolve(f.getFileName())).hasSameBinaryContentAs(f);
        assertThat(list(done)).hasSameSizeAs(files);
        assertThat(list(remote)).isEmpty();
        await().atMost(WAIT).until(() -> TopicReader.latest(TestKafka.bootstrapServers(), HUB.draftsTopic()).keySet()
                .stream().anyMatch(k -> k.startsWith("06019912:")));
    }

    @Test
    void aServerWithAnotherHostKeyStopsTheConnectorWithTheReasonAndNothingIsRead() {
        var connector = connectors.get("sftp-changed");
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(overview.summary(connector).state()).isEqualTo(ConnectorState.DOWN);
            assertThat(camel.getRouteController().getRouteStatus("pull-sftp-changed")).isEqualTo(ServiceStatus.Stopped);
        });
        assertThat(status.stopped("sftp-changed")).contains("host key").contains(IMPOSTOR.port() + "").doesNotContain(PASSWORD);
        assertThat(camel.getRouteController().getRouteStatus("inbox-sftp-changed")).isEqualTo(ServiceStatus.Started);
        assertThat(IMPOSTOR_SERVED.resolve("out/pijn-2026-11-20.csv")).exists();
        assertThat(list(HUB.inbox("sftp-changed"))).noneMatch(p -> p.getFileName().toString().endsWith(".csv"));
        assertThat(HUB.inbox("sftp-changed").resolve(".done")).doesNotExist();
    }

    @Test
    void aLoginWithoutItsSecretStopsTheConnectorNamingTheVariable() {
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(overview.summary(connectors.get("sftp-unset")).state()).isEqualTo(ConnectorState.DOWN));
        assertThat(status.stopped("sftp-unset")).contains("refused the login of hub")
                .contains("the environment variable SFTP_TEST_UNSET is not set");
    }

    @Test
    void aServerThatCannotBeReachedIsRetriedAtEachPollNotStopped() {
        var connector = connectors.get("sftp-away");
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(overview.summary(connector).state()).isEqualTo(ConnectorState.RETRYING);
            assertThat(status.retrying("sftp-away")).contains("cannot be reached");
        });
        assertThat(camel.getRouteController().getRouteStatus("pull-sftp-away")).isEqualTo(ServiceStatus.Started);
        assertThat(status.stopped("sftp-away")).isNull();
    }
}
