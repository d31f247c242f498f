package nl.verbeterhub.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.verbeterhub.bench.ExportGenerator;
import nl.verbeterhub.json.HubJson;
import nl.verbeterhub.kafka.EmbeddedKafkaBroker;
import nl.verbeterhub.support.TopicReader;
import nl.verbeterhub.support.ValidatedDrafts;
import nl.verbeterhub.theme.pijn.PainTheme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged hub as a separate process, killed with SIGKILL in the middle of a 200,000-row file and
 * started again: the file is processed again from the start, and the final drafts equal those of an
 * uninterrupted run over the same file.
 */
class CrashRecoveryIT {

    static final String AGB = "06010006";
    static final String FILE = "pijn-200k.csv";

    @TempDir
    Path root;
    private Process hub;
    private int kafkaPort;
    private int httpPort;

    @AfterEach
    void stop() throws Exception {
        if (hub != null && hub.isAlive()) {
            hub.destroy();
            if (!hub.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) hub.destroyForcibly().waitFor();
        }
    }

    @Test
    void killedMidFileTheHubEndsWithTheDraftsOfAnUninterruptedRun() throws Exception {
        Path jar = Path.of("target", "verbeterhub.jar").toAbsolutePath();
        assertThat(jar).as("run after package").exists();
        Files.createDirectories(root.resolve("connectors"));
        Files.writeString(root.resolve("connectors/pijn.yaml"), "id: crash-pijn\nhospital:\n  agb: \"" + AGB
                + "\"\n  name: Crashziekenhuis\ninbox: data/inbox/pijn\nrecordType: PIJN\n");
        kafkaPort = EmbeddedKafkaBroker.freePort();
        httpPort = EmbeddedKafkaBroker.freePort();
        Path export = ExportGenerator.write(PainTheme.PIJN, ExportGenerator.Dialect.DUTCH, 200_000, 7, root.resolve(FILE));

        hub = start(jar, "first.log");
        awaitReady();
        Path inbox = Files.createDirectories(root.resolve("data/inbox/pijn"));
        Files.copy(export, inbox.resolve(FILE + ".part"));
        Files.move(inbox.resolve(FILE + ".part"), inbox.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> Files.readString(root.resolve("first.log")).contains("reading " + FILE));
        hub.destroyForcibly().waitFor();
        assertThat(inbox.resolve(FILE)).as("killed before the commit: the file waits in the inbox").exists();
        assertThat(Files.readString(root.resolve("first.log"))).doesNotContain("committed extract " + FILE)
                .as("started as the README says: no hint about the collector").doesNotContain("-XX:+UseParallelGC");

        hub = start(jar, "second.log");
        await().atMost(Duration.ofSeconds(180)).until(() -> done(inbox) == 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> drafts().size() == 2);

        Map<String, JsonNode> expected = ValidatedDrafts.of(AGB, "Crashziekenhuis", export);
        Map<String, JsonNode> actual = drafts();
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (String key : expected.keySet()) {
            for (String part : List.of("indicators", "period", "pdca", "dataQuality")) {
                assertThat(actual.get(key).get(part)).as(key + " " + part).isEqualTo(expected.get(key).get(part));
            }
            assertThat(actual.get(key).at("/sources/0/extracts").asInt()).as("one committed extract").isEqualTo(1);
        }
    }

    private Process start(Path jar, String log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-Xmx256m", "-XX:+UseParallelGC", "-jar", jar.toString(),
                "--hub.kafka.embedded-port=" + kafkaPort, "--server.port=" + httpPort, "--hub.inbox.poll-delay=100ms",
                // The restarted hub joins its group once the killed one's session expired: the shortest allowed.
                "--hub.kafka.session-timeout=PT6S")
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve(log).toFile()))
                .start();
    }

    private void awaitReady() {
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() -> HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    }

    private static long done(Path inbox) throws IOException {
        Path done = inbox.resolve(".done");
        if (!Files.isDirectory(done)) return 0;
        try (Stream<Path> files = Files.list(done)) {
            return files.count();
        }
    }

    private Map<String, JsonNode> drafts() throws IOException {
        Map<String, JsonNode> drafts = new HashMap<>();
        for (var e : TopicReader.latest("localhost:" + kafkaPort, "verbeterdoelen.drafts.v1").entrySet()) {
            if (e.getValue() != null) drafts.put(e.getKey(), HubJson.MAPPER.readTree(e.getValue()));
        }
        return drafts;
    }
}
