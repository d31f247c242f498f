package nl.verbeterhub.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.verbeterhub.json.HubJson;
import nl.verbeterhub.status.HubReadiness;
import nl.verbeterhub.support.Deliveries;
import nl.verbeterhub.support.HubTestProperties;
import nl.verbeterhub.support.InboxFolders;
import nl.verbeterhub.support.LogCollector;
import nl.verbeterhub.support.TestKafka;
import nl.verbeterhub.support.TopicReader;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Nothing counted twice, nothing lost, nothing leaked (issue: integrity): re-deliveries, renamed copies
 * and corrected re-exports; snapshot removals; a corpus of malformed inputs; and, last, every topic and
 * every log line searched for the identifiers of every input.
 */
@SpringBootTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IntegrityIT {

    static final HubTestProperties HUB = HubTestProperties.create("integrity");
    static final String REDO = "06010002";
    static final String CORPUS = "06010003";
    static final String SNAP = "06010004";
    static final String HALF = "06010008";
    static final String LATE = "06010009";
    static final String MIXED = "06010010";
    static final String EXCEL = "06010011";
    static final String VBI = "registration_id,patient_id,ward,intervention_type,score,start,end,alternatives_considered\n";
    static final Path MALFORMED = Path.of("src/test/resources/malformed");

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        HUB.register(registry, TestKafka.bootstrapServers());
        HUB.connector("redo-vbi", REDO, "redo", "VBI", "");
        HUB.connector("snap-vbi", SNAP, "snap", "VBI", "mode: snapshot\nsnapshotYears: [2025, 2026]\n");
        HUB.connector("corpus", CORPUS, "corpus", "auto", "");
        registry.add("hub.kafka.rows-per-transaction", () -> "500");
        HUB.connector("half-big", HALF, "half-big", "PIJN", "");
        HUB.connector("half-small", HALF, "half-small", "PIJN", "");
        HUB.connector("late", LATE, "late", "PIJN", "");
        HUB.connector("mixed", MIXED, "mixed", "auto", "");
        HUB.connector("excel", EXCEL, "excel", "PIJN", "");
    }

    private static LogCollector logs;
    private static final List<byte[]> delivered = new ArrayList<>();

    @Autowired
    CamelContext camel;
    @Autowired
    HubReadiness readiness;
    @Autowired
    nl.verbeterhub.extract.ExtractLog extracts;

    @BeforeEach
    void ready() {
        readiness.awaitReady(Duration.ofSeconds(60));
        if (logs == null) logs = LogCollector.attach();
    }

    private void deliver(String connector, String inbox, String name, byte[] content) {
        delivered.add(content);
        Deliveries.deliver(camel, connector, HUB.inbox(inbox), name, content, Duration.ofSeconds(60));
    }

    private static List<JsonNode> drafts(String key) throws java.io.IOException {
        return TopicReader.values(TestKafka.bootstrapServers(), HUB.draftsTopic(), key);
    }

    @Test
    @Order(1)
    void aRedeliveryOrRenamedCopyChangesNothingAndACorrectionReplaces() throws Exception {
        String a = VBI + "RD-0001,RDPAT-01,IC,polsband,5,2025-03-01 10:00,2025-03-01 11:00,ja\n"
                + "RD-0002,RDPAT-02,IC,onrustband,5,2025-03-02 10:00,2025-03-02 12:00,nee\n"
                + "RD-0003,RDPAT-02,IC,bedsensor,1,2025-03-03 10:00,,\n";
        String key = REDO + ":VBI:2025";
        deliver("redo-vbi", "redo", "vbi-export.csv", a.getBytes(StandardCharsets.UTF_8));
        assertThat(drafts(key)).hasSize(1);
        assertThat(drafts(key).get(0).at("/indicators/heavy").asInt()).isEqualTo(2);

        for (int i = 0; i < 2; i++) {
            deliver("redo-vbi", "redo", "vbi-export.csv", a.getBytes(StandardCharsets.UTF_8));
        }
        deliver("redo-vbi", "redo", "vbi-export-copy.csv", a.getBytes(StandardCharsets.UTF_8));
        assertThat(drafts(key)).as("nothing republished for re-deliveries").hasSize(1);

        String corrected = a.replace("RD-0002,RDPAT-02,IC,onrustband,5", "RD-0002,RDPAT-02,IC,onrustband,3");
        deliver("redo-vbi", "redo", "vbi-export.csv", corrected.getBytes(StandardCharsets.UTF_8));
        List<JsonNode> after = drafts(key);
        assertThat(after).hasSize(2);
        JsonNode latest = after.get(1);
        assertThat(latest.at("/indicators/registrations").asInt()).isEqualTo(3);
        assertThat(latest.at("/indicators/heavy").asInt()).isEqualTo(1);
        assertThat(latest.at("/sources/0/extracts").asInt()).isEqualTo(2);
        try (Stream<Path> done = Files.list(HUB.inbox("redo").resolve(".done"))) {
            assertThat(done.count()).as("every delivery kept in .done/").isEqualTo(5);
        }
    }

    @Test
    @Order(2)
    void anExtractOfOneThemeRepublishesTheOtherThemesThatNameItsConnectorsLatestExtract() throws Exception {
        // A connector's latest extract is its latest of any type (decision 19): a pain file changes the
        // sources and data quality of its VBI drafts too, and they are republished at once, not at a restart.
        deliver("mixed", "mixed", "mixed-vbi.csv", (VBI + "MX-0001,MXPAT-01,IC,polsband,5,2025-03-01 10:00,,\n"
                + "MX-0002,MXPAT-02,IC,polsband,9,2025-03-02 10:00,,\n").getBytes(StandardCharsets.UTF_8));
        deliver("mixed", "mixed", "mixed-pijn.csv", ("measurement_id,patient_id,measured_at,scale,value\n"
                + "MX-P1,MXPAT-01,2025-05-01 08:00,NRS,5\n").getBytes(StandardCharsets.UTF_8));
        List<JsonNode> vbi = drafts(MIXED + ":VBI:2025");
        assertThat(vbi).hasSize(2);
        JsonNode first = vbi.get(0);
        assertThat(first.at("/sources/0/latest/name").asText()).isEqualTo("mixed-vbi.csv");
        assertThat(first.at("/dataQuality/recordsRead").asInt()).isEqualTo(2);
        JsonNode now = vbi.get(1);
        assertThat(now.at("/indicators/registrations").asInt()).isEqualTo(1);
        assertThat(now.at("/sources/0/extracts").asInt()).isEqualTo(2);
        assertThat(now.at("/sources/0/latest/name").asText()).isEqualTo("mixed-pijn.csv");
        assertThat(now.at("/sources/0/latest/records").asInt()).isZero();
        assertThat(now.at("/dataQuality/recordsRead").asInt()).isZero();
        assertThat(drafts(MIXED + ":PIJN:2025")).hasSize(1);
    }

    @Test
    @Order(2)
    void filesBeingCopiedAndExcelsOwnerFilesAreLeftAlone() throws Exception {
        Path inbox = Files.createDirectories(HUB.inbox("excel"));
        // Excel's owner file of an open CSV: binary, NULs included; and copies still under a temporary name.
        byte[] owner = new byte[165];
        owner[0] = 7;
        List<String> ignored = List.of("~$pijn.csv", "copying.csv.part", "copying.csv.tmp", ".pijn.csv");
        for (String name : ignored) Files.write(inbox.resolve(name), owner);
        deliver("excel", "excel", "pijn.csv", ("measurement_id,patient_id,measured_at,scale,value\n"
                + "XL-1,XLPAT-1,2025-05-01 08:00,NRS,5\n").getBytes(StandardCharsets.UTF_8));
        for (String name : ignored) assertThat(inbox.resolve(name)).as(name).exists();
        assertThat(inbox.resolve(".error")).doesNotExist();
        assertThat(drafts(EXCEL + ":PIJN:2025")).hasSize(1);
    }

    @Test
    @Order(2)
    void aSnapshotRemovesWhatItNoLongerHoldsAndAnEmptiedYearGetsATombstone() throws Exception {
        String both = VBI + "SN-0001,SNPAT-01,IC,polsband,5,2025-03-01 10:00,,\n"
                + "SN-0002,SNPAT-02,IC,polsband,5,2026-03-01 10:00,,\n"
                + "SN-0003,SNPAT-03,IC,bedsensor,1,2026-03-02 10:00,,\n";
        deliver("snap-vbi", "snap", "snapshot-1.csv", both.getBytes(StandardCharsets.UTF_8));
        assertThat(drafts(SNAP + ":VBI:2025")).hasSize(1);
        String only2026 = VBI + "SN-0002,SNPAT-02,IC,polsband,5,2026-03-01 10:00,,\n";
        deliver("snap-vbi", "snap", "snapshot-2.csv", only2026.getBytes(StandardCharsets.UTF_8));
        List<JsonNode> y2025 = drafts(SNAP + ":VBI:2025");
        assertThat(y2025).hasSize(2);
        assertThat(y2025.get(1)).as("tombstone").isNull();
        List<JsonNode> y2026 = drafts(SNAP + ":VBI:2026");
        assertThat(y2026.get(y2026.size() - 1).at("/indicators/registrations").asInt()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void everyMalformedInputIsRejectedOrMovedToErrorAndTheRouteGoesOn() throws Exception {
        List<String[]> expectations = Files.readAllLines(MALFORMED.resolve("expectations.txt")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\\|", -1)).toList();
        byte[] hugeLine = new byte[50 << 20];
        java.util.Arrays.fill(hugeLine, (byte) 'x');
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("inbox-corpus").whenDone(expectations.size() + 1).create();
        HubTestProperties.drop(HUB.inbox("corpus"), "u00-one-50mb-line.csv", hugeLine);
        for (String[] e : expectations) {
            byte[] content = Files.readAllBytes(MALFORMED.resolve(e[0]));
            delivered.add(content);
            HubTestProperties.drop(HUB.inbox("corpus"), e[0], content);
        }
        assertThat(done.matches(120, TimeUnit.SECONDS)).isTrue();

        assertThat(InboxFolders.reasonFor(HUB.inbox("corpus"), "u00-one-50mb-line.csv")).startsWith("LINE_TOO_LONG");
        List<String> rejections = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : TopicReader.readAll(TestKafka.bootstrapServers(), HUB.rejectionsTopic())) {
            JsonNode j = HubJson.MAPPER.readTree(r.value());
            if (j.get("connector").asText().equals("corpus")) {
                rejections.add(j.at("/position/file").asText() + "|" + j.get("reason").asText() + "@" + j.at("/position/line").asInt());
            }
        }
        for (String[] e : expectations) {
            String file = e[0];
            if (e[1].startsWith("error:")) {
                assertThat(InboxFolders.reasonFor(HUB.inbox("corpus"), file)).as(file).startsWith(e[1].substring("error:".length()));
                assertThat(rejections).as(file + " leaves no rejections").noneMatch(r -> r.startsWith(file + "|"));
            } else {
                String expected = e[1].substring("done:".length());
                List<String> want = expected.isEmpty() ? List.of() : List.of(expected.split(","));
                assertThat(rejections.stream().filter(r -> r.startsWith(file + "|")).map(r -> r.substring(file.length() + 1)))
                        .as(file).containsExactlyInAnyOrderElementsOf(want);
                assertThat(InboxFolders.inDone(HUB.inbox("corpus"), file)).as(file + " in .done/").isTrue();
            }
        }

        String good = VBI + "CP-0001,CPPAT-01,IC,polsband,5,2025-03-01 10:00,,\n";
        deliver("corpus", "corpus", "z-good-after-all-that.csv", good.getBytes(StandardCharsets.UTF_8));
        assertThat(drafts(CORPUS + ":VBI:2025")).isNotEmpty();
    }

    @Test
    @Order(4)
    void aFileFoundUnusableOnlyAfterSeveralPartsCommitsNoneOfThem() throws Exception {
        // 1,200 good rows (parts of 500), a rejected one early, and a NUL byte near the end: not one
        // part may be committed, nor a rejection published.
        StringBuilder csv = new StringBuilder("measurement_id,patient_id,measured_at,scale,value\n");
        csv.append("LT-0,LTPAT-0,2025-05-01 08:00,NRS,11\n");
        for (int i = 1; i <= 1_200; i++) {
            csv.append("LT-").append(i).append(",LTPAT-").append(i % 40).append(",2025-05-01 08:00,NRS,5\n");
        }
        csv.append("LT-X,LTPAT-1,2025-05-02 08:00,NRS,\u0000\n");
        deliver("late", "late", "late.csv", csv.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(InboxFolders.reasonFor(HUB.inbox("late"), "late.csv")).startsWith("NOT_TEXT");
        assertThat(extracts.openExtract("late")).as("no part committed, so no begun marker").isEmpty();
        assertThat(TopicReader.readAll(TestKafka.bootstrapServers(), HUB.recordsTopic()))
                .noneMatch(r -> r.key().startsWith(LATE + ":"));
        assertThat(TopicReader.readAll(TestKafka.bootstrapServers(), HUB.rejectionsTopic()))
                .noneMatch(r -> r.key().startsWith(LATE + ":"));
        assertThat(drafts(LATE + ":PIJN:2025")).isEmpty();
    }

    @Test
    @Order(5)
    void aDraftNeverShowsHalfAnExtractEvenWhenAnotherExtractOfTheHospitalArrivesMeanwhile() throws Exception {
        Path big = nl.verbeterhub.bench.ExportGenerator.write(nl.verbeterhub.theme.pijn.PainTheme.PIJN,
                nl.verbeterhub.bench.ExportGenerator.Dialect.ISO, 40_000, 3, HUB.root().resolve("big.csv"));
        NotifyBuilder bigDone = new NotifyBuilder(camel).fromRoute("inbox-half-big").whenDone(1).create();
        HubTestProperties.drop(HUB.inbox("half-big"), "big.csv", Files.readAllBytes(big));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                .until(() -> extracts.openExtract("half-big").isPresent());
        deliver("half-small", "half-small", "small.csv",
                ("measurement_id,patient_id,measured_at,scale,value\nHS-1,HSPAT-1,2025-05-01 08:00,NRS,5\n").getBytes());
        assertThat(bigDone.matches(120, TimeUnit.SECONDS)).isTrue();
        // Extracts of one hospital take turns on its partition's producer: the small one commits after the
        // big one. No draft may be computed between the big one's first part and its commit marker.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> drafts(HALF + ":PIJN:2025").stream().anyMatch(d -> d.get("sources").size() == 2));
        for (String key : List.of(HALF + ":PIJN:2025", HALF + ":PIJN:2026")) {
            List<JsonNode> published = drafts(key);
            assertThat(published).as(key).isNotEmpty();
            for (JsonNode draft : published) {
                assertThat(draft.get("sources").findValuesAsText("connector")).as("every published " + key
                        + " holds the whole big extract").contains("half-big");
            }
        }
    }

    @Test
    @Order(6)
    void noIdentifierOfAnyInputAppearsOnAnyTopicOrInAnyLogLine() throws Exception {
        Set<String> identifiers = new HashSet<>();
        delivered.forEach(content -> identifiers.addAll(Identifiers.in(content)));
        assertThat(identifiers).contains("RDPAT-01", "CPPAT-01", "MPAT-101", "MX-133", "999990019");

        List<String> haystack = new ArrayList<>(logs.lines());
        for (String topic : List.of(HUB.draftsTopic(), HUB.rejectionsTopic(), HUB.recordsTopic(), HUB.extractsTopic())) {
            for (ConsumerRecord<String, byte[]> r : TopicReader.readAll(TestKafka.bootstrapServers(), topic)) {
                haystack.add(r.key());
                if (r.value() != null) haystack.add(new String(r.value(), StandardCharsets.ISO_8859_1));
                for (Header h : r.headers()) haystack.add(new String(h.value(), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(haystack).hasSizeGreaterThan(100);
        // Every identifier's first k characters index it, so each text is scanned once rather than once per identifier.
        int k = identifiers.stream().mapToInt(String::length).min().orElseThrow();
        Map<String, List<String>> byPrefix = identifiers.stream().collect(Collectors.groupingBy(id -> id.substring(0, k)));
        for (String text : haystack) {
            for (int i = 0; i + k <= text.length(); i++) {
                for (String id : byPrefix.getOrDefault(text.substring(i, i + k), List.of())) {
                    if (text.startsWith(id, i)) fail("identifier " + id + " leaked in: " + text);
                }
            }
        }
    }
}
