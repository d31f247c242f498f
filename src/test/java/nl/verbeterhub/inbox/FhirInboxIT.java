package nl.verbeterhub.inbox;

import static nl.verbeterhub.support.FhirJson.anaesthesia;
import static nl.verbeterhub.support.FhirJson.encounter;
import static nl.verbeterhub.support.FhirJson.intake;
import static nl.verbeterhub.support.FhirJson.painScore;
import static nl.verbeterhub.support.FhirJson.patient;
import static nl.verbeterhub.support.FhirJson.vbi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import nl.verbeterhub.json.HubJson;
import nl.verbeterhub.status.HubReadiness;
import nl.verbeterhub.support.FhirJson;
import nl.verbeterhub.support.HubTestProperties;
import nl.verbeterhub.support.InboxFolders;
import nl.verbeterhub.support.LogCollector;
import nl.verbeterhub.support.Schemas;
import nl.verbeterhub.support.TestKafka;
import nl.verbeterhub.support.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The FHIR inbox end to end on a real broker (domain.md §8, "FHIR inbox delivery"): a bulk export's
 * sub-folder renamed into the inbox becomes drafts and rejections on the topics and moves to {@code .done/}
 * as a whole; a re-delivered copy changes nothing; what is no export goes to {@code .error/} with a reason;
 * and no name, BSN, birth date or resource id of the input appears on any topic or in any log line.
 */
@SpringBootTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FhirInboxIT {

    static final HubTestProperties HUB = HubTestProperties.create("fhir");
    static final String AGB = "06019977";
    static final Duration WAIT = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        HUB.register(registry, TestKafka.bootstrapServers());
        HUB.fhirConnector("epd-fhir", AGB, "fhir", "");
    }

    @Autowired
    HubReadiness readiness;

    @TempDir
    static Path work;

    private static LogCollector logs;
    private static final List<Path> delivered = new ArrayList<>();

    @BeforeEach
    void ready() {
        readiness.awaitReady(Duration.ofSeconds(60));
        if (logs == null) logs = LogCollector.attach();
    }

    private static Path inbox() {
        return HUB.inbox("fhir");
    }

    private static List<JsonNode> drafts(String key) throws IOException {
        return TopicReader.values(TestKafka.bootstrapServers(), HUB.draftsTopic(), key);
    }

    /** Waits until the delivery with this name is in .done/ or .error/ (and, after .done/, its drafts are out). */
    private static void awaitMoved(String name, String folder) {
        await().atMost(WAIT).until(() -> {
            Path dir = inbox().resolve(folder);
            if (!Files.isDirectory(dir)) return false;
            try (Stream<Path> entries = Files.list(dir)) {
                return entries.anyMatch(p -> p.getFileName().toString().endsWith("-" + name));
            }
        });
    }

    private static Path export(String name) {
        Path export = work.resolve(name);
        FhirJson.ndjson(export.resolve("Patient.ndjson"), patient("pt-anna-0001", "2016-03-04").identifier(FhirJson.BSN, "999990019"),
                patient("pt-bram-0002", "1950-07-08"));
        FhirJson.ndjson(export.resolve("Encounter.ndjson"), encounter("enc-0001", "Patient/pt-anna-0001", null));
        FhirJson.ndjson(export.resolve("Observation.ndjson"),
                painScore("obs-0001", "Patient/pt-bram-0002", "2025-05-01T08:00:00+02:00", "NRS", 6),
                painScore("obs-0002", "Patient/pt-bram-0002", "2025-05-01T08:40:00+02:00", "NRS", 3),
                painScore("obs-0003", "Patient/pt-bram-0002", "2025-05-01T09:00:00+02:00", "NRS", 11),
                intake("intake-0001", "Procedure/proc-0001", "clear-fluid", "2025-06-02T08:00:00+02:00"));
        FhirJson.ndjson(export.resolve("Procedure.ndjson"),
                anaesthesia("proc-0001", "Patient/pt-anna-0001", "Encounter/enc-0001", "2025-06-02T10:00:00+02:00"),
                vbi("vbi-0001", "Patient/pt-bram-0002", "123891000146106", "2025-03-01T10:00:00+01:00",
                        "2025-03-01T10:45:00+01:00"));
        return export;
    }

    @Test
    @Order(1)
    void aBulkExportRenamedIntoTheInboxBecomesDraftsAndMovesToDoneAsAWhole() throws Exception {
        Path export = export("export-1");
        delivered.add(export);
        HubTestProperties.dropFolder(inbox(), "export-2025-06-03", export);
        awaitMoved("export-2025-06-03", ".done");
        await().atMost(WAIT).until(() -> !drafts(AGB + ":NUCHTER:2025").isEmpty() && !drafts(AGB + ":VBI:2025").isEmpty()
                && !drafts(AGB + ":PIJN:2025").isEmpty());
        JsonNode pain = drafts(AGB + ":PIJN:2025").get(0);
        assertThat(Schemas.check(Schemas.DRAFT, pain)).isEmpty();
        assertThat(pain.at("/indicators/measurements").asInt()).isEqualTo(2);
        assertThat(pain.at("/indicators/followUpWithin60Share").decimalValue()).isEqualByComparingTo("1");
        assertThat(pain.at("/dataQuality/rejectedByReason/OUT_OF_RANGE").asInt()).isEqualTo(1);
        assertThat(pain.at("/sources/0/latest/name").asText()).isEqualTo("export-2025-06-03");
        assertThat(drafts(AGB + ":NUCHTER:2025").get(0).at("/indicators/clearFluidFastingMinutes/median").asInt()).isEqualTo(120);
        assertThat(drafts(AGB + ":VBI:2025").get(0).at("/indicators/heavyDurationMinutes/median").asInt()).isEqualTo(45);

        List<JsonNode> rejections = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : TopicReader.readAll(TestKafka.bootstrapServers(), HUB.rejectionsTopic())) {
            rejections.add(HubJson.MAPPER.readTree(r.value()));
        }
        assertThat(rejections).hasSize(1);
        assertThat(Schemas.check(Schemas.REJECTION, rejections.get(0))).isEmpty();
        assertThat(rejections.get(0).get("position").toString()).isEqualTo("{\"file\":\"Observation.ndjson\",\"line\":3}");
        assertThat(rejections.get(0).get("resourceType").asText()).isEqualTo("Observation");
        try (Stream<Path> done = Files.list(inbox().resolve(".done"))) {
            Path folder = done.filter(Files::isDirectory).findFirst().orElseThrow();
            assertThat(folder.resolve("Procedure.ndjson")).as("moved as a whole").exists();
        }
    }

    @Test
    @Order(2)
    void aReDeliveredIdenticalExportUnderAnotherNameChangesNothing() throws Exception {
        int before = TopicReader.readAll(TestKafka.bootstrapServers(), HUB.draftsTopic()).size();
        HubTestProperties.dropFolder(inbox(), "export-again", work.resolve("export-1"));
        awaitMoved("export-again", ".done");
        assertThat(TopicReader.readAll(TestKafka.bootstrapServers(), HUB.draftsTopic())).hasSize(before);
        assertThat(TopicReader.readAll(TestKafka.bootstrapServers(), HUB.rejectionsTopic())).hasSize(1);
    }

    @Test
    @Order(3)
    void aBundleAndALoneNdjsonFileAreExtractsOfTheirOwn() throws Exception {
        Path bundle = FhirJson.bundle(work.resolve("bundle/transaction.json"), "transaction",
                new FhirJson.Entry("urn:uuid:obs", "POST", "Observation",
                        painScore("obs-0100", "urn:uuid:pt", "2026-01-10T10:00:00+01:00", "NRS", 7)),
                new FhirJson.Entry("urn:uuid:pt", "POST", "Patient", patient("pt-carla-0003", "1971-09-10")));
        delivered.add(bundle.getParent());
        HubTestProperties.drop(inbox(), "transaction.json", Files.readAllBytes(bundle));
        awaitMoved("transaction.json", ".done");
        await().atMost(WAIT).until(() -> !drafts(AGB + ":PIJN:2026").isEmpty());
        assertThat(drafts(AGB + ":PIJN:2026").get(0).at("/indicators/severePainShare").decimalValue()).isEqualByComparingTo("1");
    }

    @Test
    @Order(4)
    void whatIsNoExportGoesToErrorWithItsReason() throws Exception {
        Path readme = Files.createDirectories(work.resolve("not-an-export"));
        Files.writeString(readme.resolve("README.txt"), "export of the EPD");
        HubTestProperties.dropFolder(inbox(), "not-an-export", readme);
        awaitMoved("not-an-export", ".error");
        assertThat(InboxFolders.reasonFor(inbox(), "not-an-export")).startsWith("UNSUPPORTED_FILE");
        HubTestProperties.drop(inbox(), "garbage.ndjson", "Jan Jansen;999990019\n".getBytes(StandardCharsets.UTF_8));
        awaitMoved("garbage.ndjson", ".error");
        assertThat(InboxFolders.reasonFor(inbox(), "garbage.ndjson")).startsWith("NOT_FHIR").doesNotContain("Jansen");
        HubTestProperties.drop(inbox(), "notes.txt", "x".getBytes(StandardCharsets.UTF_8));
        awaitMoved("notes.txt", ".error");
    }

    @Test
    @Order(5)
    void noNameBsnBirthDateOrResourceIdOfTheInputAppearsOnAnyTopicInAnyLogOrInTheState() throws Exception {
        Set<String> identifiers = FhirIdentifiers.in(delivered);
        Path publicExamples = Path.of("../shared/fhir-examples/public/nictiz/ndjson");
        if (Files.isDirectory(publicExamples)) {
            HubTestProperties.dropFolder(inbox(), "nictiz", publicExamples);
            awaitMoved("nictiz", ".done");
            identifiers.addAll(FhirIdentifiers.in(List.of(publicExamples)));
            assertThat(identifiers).contains("999911120", "nl-core-Patient-zib-1", "1934-04-28");
        }
        assertThat(identifiers).contains("999990019", "pt-anna-0001", "2016-03-04", "obs-0001", "proc-0001");
        List<String> haystack = new ArrayList<>(logs.lines());
        for (String topic : List.of(HUB.draftsTopic(), HUB.rejectionsTopic(), HUB.recordsTopic(), HUB.extractsTopic())) {
            for (ConsumerRecord<String, byte[]> r : TopicReader.readAll(TestKafka.bootstrapServers(), topic)) {
                haystack.add(r.key());
                if (r.value() != null) haystack.add(new String(r.value(), StandardCharsets.ISO_8859_1));
            }
        }
        haystack.addAll(FhirIdentifiers.filesUnder(HUB.root().resolve("data/state")));
        assertThat(haystack).hasSizeGreaterThan(20);
        for (String text : haystack) {
            for (String id : identifiers) {
                assertThat(text).as("identifier leaked").doesNotContain(id);
            }
        }
        try (Stream<Path> tmp = Files.list(HUB.root().resolve("data/tmp"))) {
            assertThat(tmp.filter(p -> p.getFileName().toString().startsWith("fhir-join-"))).as("join stores removed").isEmpty();
        }
    }
}
