package nl.verbeterhub.remote.fhir;

import static nl.verbeterhub.support.FhirJson.painScore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.verbeterhub.json.HubJson;
import nl.verbeterhub.kafka.EmbeddedKafkaBroker;
import nl.verbeterhub.support.TopicReader;
import nl.verbeterhub.support.fhirserver.FhirTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged hub killed (SIGKILL) between two pages of a FHIR server run and started again: the run it
 * was fetching never became an extract (only its hidden folder was left, and is removed), the next run
 * fetches everything from the committed watermark, and every resource is counted exactly once.
 */
class ServerRunCrashIT {

    static final String AGB = "06019955";
    static final int OBSERVATIONS = 3_000;

    @TempDir
    Path root;
    private Process hub;
    private FhirTestServer server;
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        if (hub != null && hub.isAlive()) {
            hub.destroy();
            if (!hub.waitFor(60, TimeUnit.SECONDS)) hub.destroyForcibly().waitFor();
        }
        if (server != null) server.close();
    }

    @Test
    void killedBetweenPagesTheHubFetchesTheRunAgainAndCountsEveryResourceOnce() throws Exception {
        Path jar = Path.of("target", "verbeterhub.jar").toAbsolutePath();
        assertThat(jar).as("run after package").exists();
        server = new FhirTestServer(FhirContext.forR4Cached());
        List<String> resources = new ArrayList<>();
        for (int i = 0; i < OBSERVATIONS; i++) {
            resources.add(painScore("obs-" + i, "Patient/pt-" + (i % 300), "2025-0" + (1 + i % 9) + "-1" + (i % 10)
                    + "T10:" + (10 + i % 50) + ":00+01:00", "NRS", i % 11).json());
        }
        server.store().putAll(resources);
        // The tenth page of the first search waits: the hub is then mid-run, 900 resources fetched.
        server.holdOnce(FhirTestServer.pageAt(900), release);
        Files.createDirectories(root.resolve("connectors"));
        Files.writeString(root.resolve("connectors/server.yaml"), "id: crash-server\nhospital:\n  agb: \"" + AGB
                + "\"\n  name: Crashziekenhuis\ntype: fhir-server\nbaseUrl: " + server.baseUrl() + "\npollInterval: PT2S\npageSize: 100\n");
        int kafkaPort = EmbeddedKafkaBroker.freePort();
        int httpPort = EmbeddedKafkaBroker.freePort();

        hub = start(jar, kafkaPort, httpPort, "first.log");
        await().atMost(Duration.ofSeconds(120)).until(() -> server.held() == 1);
        Path inbox = root.resolve("data/inbox/crash-server");
        List<String> killedRun = names(inbox);
        assertThat(killedRun).as("mid-run: only the hidden run folder").isNotEmpty().allMatch(n -> n.startsWith(".run-"));
        hub.destroyForcibly().waitFor();
        release.countDown();

        hub = start(jar, kafkaPort, httpPort, "second.log");
        await().atMost(Duration.ofSeconds(120)).until(() -> names(inbox.resolve(".done")).size() == 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> pain(kafkaPort) != null);
        JsonNode pain = pain(kafkaPort);
        assertThat(pain.at("/indicators/measurements").asInt()).isEqualTo(OBSERVATIONS);
        assertThat(pain.at("/dataQuality/recordsRead").asInt()).isEqualTo(OBSERVATIONS);
        assertThat(pain.at("/sources/0/extracts").asInt()).as("one committed run").isEqualTo(1);
        // Its own folder: the next scheduled run (every 2 s) may be fetching into a hidden folder of its own.
        assertThat(names(inbox)).as("the killed run's hidden folder is gone").doesNotContainAnyElementsOf(killedRun);
    }

    private Process start(Path jar, int kafkaPort, int httpPort, String log) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString(), "--hub.kafka.embedded-port=" + kafkaPort,
                "--server.port=" + httpPort, "--hub.inbox.poll-delay=100ms", "--hub.remote.watermark-overlap=PT0S",
                // The restarted hub joins its group once the killed one's session expired: the shortest allowed.
                "--hub.kafka.session-timeout=PT6S")
                .directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve(log).toFile())).start();
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() -> HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
        return p;
    }

    private static List<String> names(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static JsonNode pain(int kafkaPort) throws IOException {
        for (var e : TopicReader.latest("localhost:" + kafkaPort, "verbeterdoelen.drafts.v1").entrySet()) {
            if (e.getKey().startsWith(AGB + ":PIJN:") && e.getValue() != null) return HubJson.MAPPER.readTree(e.getValue());
        }
        return null;
    }
}
