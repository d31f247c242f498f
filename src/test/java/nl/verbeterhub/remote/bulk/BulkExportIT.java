package nl.verbeterhub.remote.bulk;

import static nl.verbeterhub.support.FhirJson.painScore;
import static nl.verbeterhub.support.FhirJson.patient;
import static nl.verbeterhub.support.FhirJson.vbi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import nl.verbeterhub.status.ConnectorStatus;
import nl.verbeterhub.status.HubReadiness;
import nl.verbeterhub.support.HubTestProperties;
import nl.verbeterhub.support.LogCollector;
import nl.verbeterhub.support.TestKafka;
import nl.verbeterhub.support.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A {@code fhir-bulk-export} connector end to end, against {@link BulkExportServer} and a real broker: a kick-off
 * the server first refuses for now (503), a status polled through {@code Retry-After} and a 429, a manifest whose
 * files need the token, drafts with the indicators of the exported pain scores, the export in {@code .done/}, the
 * status URL deleted; then an export that expires (kicked off again), and each next kick-off asking for changes
 * since the previous manifest's {@code transactionTime}. Nothing is committed twice.
 */
@SpringBootTest
// Its pull would go on polling a stopped server for the rest of the run in a cached context.
@DirtiesContext
class BulkExportIT {

    static final HubTestProperties HUB = HubTestProperties.create("bulk");
    static final String AGB = "06019966";
    static final String TOKEN = "bulk-it-token-0123456789";
    static final Duration WAIT = Duration.ofSeconds(90);
    static final BulkExportServer SERVER = server();
    static final BulkExportServer.Job FIRST = new BulkExportServer.Job()
            .file("Patient-1.ndjson", patient("pt-1", "1950-07-08"), patient("pt-2", "1961-01-02"))
            .file("Observation-1.ndjson",
                    painScore("obs-1", "Patient/pt-1", "2025-05-01T08:00:00+02:00", "NRS", 6),
                    painScore("obs-2", "Patient/pt-1", "2025-05-01T08:40:00+02:00", "NRS", 3))
            .file("Observation-2.ndjson", painScore("obs-3", "Patient/pt-2", "2025-05-02T09:00:00+02:00", "NRS", 8))
            .file("Procedure-1.ndjson", vbi("vbi-1", "Patient/pt-2", "123891000146106", "2025-03-01T10:00:00+01:00",
                    "2025-03-01T10:45:00+01:00"));
    static final BulkExportServer.Job EXPIRING = new BulkExportServer.Job();
    static final BulkExportServer.Job SECOND = new BulkExportServer.Job()
            .file("Observation-1.ndjson", painScore("obs-4", "Patient/pt-1", "2025-06-04T08:00:00+02:00", "NRS", 2));

    static {
        FIRST.kickOffUnavailable = 1;
        FIRST.inProgress = 2;
        FIRST.throttled = 1;
        FIRST.requiresAccessToken = true;
        FIRST.withErrorFile = true;
        FIRST.transactionTime = "2025-06-03T12:00:00+02:00";
        EXPIRING.expired = true;
        SECOND.requiresAccessToken = true;
        SECOND.transactionTime = "2025-06-04T12:00:00.250+02:00";
        SERVER.script(FIRST, EXPIRING, SECOND);
        SERVER.token = TOKEN;
    }

    private static BulkExportServer server() {
        try {
            return new BulkExportServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) throws IOException {
        HUB.register(registry, TestKafka.bootstrapServers());
        registry.add("hub.remote.status-poll-ms", () -> "200");
        registry.add("hub.remote.max-retry-delay-ms", () -> "2000");
        registry.add("EPD_BULK_TOKEN", () -> TOKEN);
        Files.createDirectories(HUB.root().resolve("connectors"));
        Files.writeString(HUB.root().resolve("connectors/epd-bulk.yaml"), "id: epd-bulk\n"
                + "hospital:\n  agb: \"" + AGB + "\"\n  name: Testziekenhuis " + AGB + "\n"
                + "type: fhir-bulk-export\n"
                + "inbox: " + inbox() + "\n"
                + "baseUrl: " + SERVER.baseUrl() + "\n"
                + "pollInterval: PT2S\n"
                + "auth:\n  bearerTokenEnv: EPD_BULK_TOKEN\n");
    }

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    @Autowired
    HubReadiness readiness;

    @Autowired
    ConnectorStatus status;

    private static Path inbox() {
        return HUB.inbox("epd-bulk");
    }

    private static List<JsonNode> drafts(String key) throws IOException {
        return TopicReader.values(TestKafka.bootstrapServers(), HUB.draftsTopic(), key);
    }

    /** The last value published for the key (read once: the topic may grow between two reads). */
    private static JsonNode latest(String key) throws IOException {
        List<JsonNode> values = drafts(key);
        return values.get(values.size() - 1);
    }

    private static List<String> done() throws IOException {
        Path dir = inbox().resolve(".done");
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> since() {
        return SERVER.kickOffs().stream().map(r -> r.query().get("_since")).toList();
    }

    @Test
    void exportsBecomeDraftsOnceEachAndEachNextKickOffAsksForChangesSinceTheLastManifest() throws Exception {
        readiness.awaitReady(Duration.ofSeconds(60));
        LogCollector logs = LogCollector.attach();

        String pain = AGB + ":PIJN:2025";
        await().atMost(WAIT).until(() -> !drafts(pain).isEmpty());
        JsonNode first = drafts(pain).get(0);
        assertThat(first.at("/indicators/measurements").asInt()).isEqualTo(3);
        assertThat(first.at("/indicators/patients").asInt()).isEqualTo(2);
        assertThat(first.at("/indicators/painShare").decimalValue()).isEqualByComparingTo("0.6667");
        assertThat(first.at("/indicators/severePainShare").decimalValue()).isEqualByComparingTo("0.3333");
        assertThat(first.at("/indicators/followUpWithin60Share").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(first.at("/sources/0/connector").asText()).isEqualTo("epd-bulk");
        assertThat(first.at("/sources/0/latest/name").asText()).startsWith("export-");
        await().atMost(WAIT).until(() -> !drafts(AGB + ":VBI:2025").isEmpty());
        assertThat(drafts(AGB + ":VBI:2025").get(0).at("/indicators/heavy").asInt()).isEqualTo(1);

        // The expired export is kicked off again and delivers the second one: an upsert on top of the first.
        await().atMost(WAIT).until(() -> latest(pain).at("/indicators/measurements").asInt() == 4);
        JsonNode second = latest(pain);
        assertThat(second.at("/indicators/painShare").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(second.at("/sources/0/extracts").asInt()).isEqualTo(2);

        // A later kick-off (an export without changes: nothing delivered) asks from the second manifest on, at its
        // own precision (milliseconds): a _since rounded to the second could re-read or miss that second's writes.
        await().atMost(WAIT).until(() -> since().size() >= 5);
        assertThat(since().subList(0, 5)).containsExactly(null, null, "2025-06-03T10:00:00Z", "2025-06-03T10:00:00Z",
                "2025-06-04T10:00:00.250Z");
        assertThat(SERVER.kickOffs()).allSatisfy(r -> {
            assertThat(r.prefer()).isEqualTo("respond-async");
            assertThat(r.query()).containsEntry("_type", "Patient,Encounter,Observation,Procedure");
        });

        await().atMost(WAIT).until(() -> done().size() == 2);
        assertThat(done()).allMatch(name -> name.contains("-export-"));
        assertThat(FIRST.deleted).as("DELETE of the first status URL").isTrue();
        assertThat(SECOND.deleted).as("DELETE of the second status URL").isTrue();
        List<BulkExportServer.Request> downloads = SERVER.requests().stream().filter(r -> r.path().startsWith("/files/")).toList();
        assertThat(downloads).hasSize(5).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN));
        assertThat(downloads).noneMatch(r -> r.path().endsWith("errors.ndjson"));

        // Empty exports go on every pollInterval, but nothing more is committed, and nothing waits to be retried.
        int kickOffs = SERVER.kickOffs().size();
        await().atMost(WAIT).until(() -> SERVER.kickOffs().size() >= kickOffs + 1);
        assertThat(done()).hasSize(2);
        assertThat(latest(pain).at("/sources/0/extracts").asInt()).isEqualTo(2);
        assertThat(status.retrying("epd-bulk")).isNull();
        assertThat(logs.lines()).noneMatch(line -> line.contains(TOKEN) || line.contains("_since=") || line.contains("/status/"));
    }
}
