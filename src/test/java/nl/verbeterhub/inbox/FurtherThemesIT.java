package nl.verbeterhub.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import nl.verbeterhub.config.HubProperties;
import nl.verbeterhub.json.HubJson;
import nl.verbeterhub.status.HubReadiness;
import nl.verbeterhub.support.HubTestProperties;
import nl.verbeterhub.support.Schemas;
import nl.verbeterhub.support.TestKafka;
import nl.verbeterhub.support.TopicReader;
import nl.verbeterhub.support.ValidatedDrafts;
import nl.verbeterhub.theme.ThemeSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The worked examples of themes.md through the server path (issue 15): each sample export dropped into
 * its example connector's inbox gives drafts on the topic with exactly the indicator values and the
 * {@code pdca.check} sentence themes.md lists, and the same drafts as {@code validate} on the same files.
 */
@SpringBootTest
class FurtherThemesIT {

    static final HubTestProperties HUB = HubTestProperties.create("themes");
    static final String AGB = "06019999";

    /** themes.md §1.6, §2.6, §3.6, §4.6: key → indicators, then the pdca.check sentence. */
    static final Map<String, String[]> EXPECTED = Map.of(
            AGB + ":KWETSBAAR:2026", new String[] {"""
                    {"admissions": 5, "patients": 4, "screenedAllDomainsShare": 0.3333,
                     "screenedByDomainShare": {"delirium": 1.0, "falls": 0.6667, "malnutrition": 0.3333, "physical": 0.6667},
                     "discharges": 3, "letterOnTimeShare": 0.5, "medicationOverviewOnTimeShare": 0.6667, "transferOnTimeShare": 0.5,
                     "letterMinutes": {"median": 1439, "p90": 3660}, "observedUntil": "2026-04-20T10:00:00+02:00"}""",
                    "In 2026 zijn 5 opnames van 70-plussers geregistreerd; tijdig gescreend op alle vier VMS-domeinen: 33,3%; "
                            + "ontslagbrief en medicatieoverzicht op tijd: 50,0%."},
            AGB + ":ANTISTOLLING:2026", new String[] {"""
                    {"procedures": 3, "patients": 3, "byAnticoagulant": {"VKA": 2, "DOAC": 1, "LMWH": 0, "TAR": 0, "DAPT": 0},
                     "planOnTimeShare": 0.6667, "continuedAtLowRiskShare": 0.0, "doacBridgedShare": 0.0,
                     "vkaInrCheckedShare": 0.5, "postponedShare": 0.5,
                     "expertise": {"rosterUntil": "2026-01-14T08:00:00+01:00", "coverageShare": 0.9953,
                                   "uncoveredMinutes": 90, "longestGapMinutes": 90}}""",
                    "In 2026 zijn 3 electieve ingrepen bij patiënten met antistolling geregistreerd; beleid tijdig vastgelegd: "
                            + "66,7%; stollingsexpertise bereikbaar: 99,5% van de tijd."},
            AGB + ":ANTISTOLLING:2025", new String[] {"""
                    {"procedures": 0, "patients": 0, "byAnticoagulant": {"VKA": 0, "DOAC": 0, "LMWH": 0, "TAR": 0, "DAPT": 0},
                     "planOnTimeShare": null, "continuedAtLowRiskShare": null, "doacBridgedShare": null,
                     "vkaInrCheckedShare": null, "postponedShare": null,
                     "expertise": {"rosterUntil": "2026-01-14T08:00:00+01:00", "coverageShare": 0.0008,
                                   "uncoveredMinutes": 525180, "longestGapMinutes": 525180}}""", null},
            AGB + ":DIAGNOSTIEK:2026", new String[] {"""
                    {"results": 6, "patients": 4, "byDiscipline": {"lab": 3, "radiology": 1, "pathology": 1, "other": 0, "unknown": 1},
                     "acknowledgedOnTimeShare": 0.6, "ackMinutes": {"median": 90, "p90": 56100},
                     "lostResults": 2, "lostResultShare": 0.4, "criticalResults": 2, "criticalNotifiedOnTimeShare": 0.5,
                     "observedUntil": "2026-04-20T10:00:00+02:00"}""",
                    "In 2026 zijn 6 uitslagen geregistreerd; op tijd gezien: 60,0%; kritieke uitslagen binnen 60 minuten gemeld: 50,0%."},
            AGB + ":EIGEN:2026", new String[] {"""
                    {"goal": {"id": "ontslagmedicatie", "title": "Medicatieoverdracht bij ontslag"},
                     "measures": [
                       {"id": "mo-24u", "title": "Medicatieoverzicht binnen 24 uur verstuurd", "scoring": "proportion",
                        "direction": "higher", "target": 0.90, "monthsReported": 2, "numerator": 130, "denominator": 150,
                        "value": 0.8667, "targetMet": false,
                        "byMonth": [0.85, 0.9, null, null, null, null, null, null, null, null, null, null]},
                       {"id": "valincidenten", "title": "Valincidenten bij 70-plussers", "scoring": "count",
                        "direction": "lower", "target": 5, "monthsReported": 1, "numerator": 3, "denominator": null,
                        "value": 3, "targetMet": true,
                        "byMonth": [3, null, null, null, null, null, null, null, null, null, null, null]}],
                     "milestones": {"total": 3, "planned": 0, "inProgress": 1, "done": 1, "dropped": 0, "unreported": 1}}""",
                    "In 2026 zijn voor 'Medicatieoverdracht bij ontslag' 2 van 2 indicatoren aangeleverd; mijlpalen gereed: 1 van 3."});

    /** Inbox → the sample files themes.md's worked examples are. */
    static final Map<String, List<String>> SAMPLES = Map.of(
            "kwetsbaar", List.of("kwetsbaar.csv"),
            "antistolling", List.of("antistolling.csv", "stollingsdienst.csv"),
            "diagnostiek", List.of("uitslagen.csv"),
            "eigen", List.of("eigen-maanden.csv", "eigen-mijlpalen.csv"));

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        HUB.register(registry, TestKafka.bootstrapServers());
        registry.add("hub.themes.eigen.definitions-dir", () -> goals().toString());
        HUB.connector("themes-kwetsbaar", AGB, "kwetsbaar", "KWETSBAAR", "");
        HUB.connector("themes-antistolling", AGB, "antistolling", "auto", "");
        HUB.connector("themes-diagnostiek", AGB, "diagnostiek", "DIAGNOSTIEK", "");
        HUB.connector("themes-eigen", AGB, "eigen", "auto", "");
        // Another hospital's own goal from FHIR: its connector lists EIGEN (themes.md §0.6, §4.4).
        HUB.fhirConnector("themes-eigen-fhir", OTHER, "eigen-fhir", "themes: [EIGEN]\n");
    }

    static final String OTHER = "06010077";

    @Autowired
    HubReadiness readiness;
    @Autowired
    HubProperties properties;

    @Autowired
    ThemeSettings themeSettings;

    /** The repository's example definition, for the example hospital and for {@link #OTHER}. */
    private static Path goals() {
        Path dir = HUB.root().resolve("goals");
        try {
            Files.createDirectories(dir);
            Files.copy(Path.of("goals", AGB + ".yaml"), dir.resolve(AGB + ".yaml"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(Path.of("goals", AGB + ".yaml"), dir.resolve(OTHER + ".yaml"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    @Test
    void ownGoalMonthsFromAFhirConnectorListingEigenReachTheTopic() throws Exception {
        readiness.awaitReady(Duration.ofSeconds(60));
        HubTestProperties.dropFolder(HUB.inbox("eigen-fhir"), "export-1", Path.of("samples", "fhir-eigen"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            byte[] draft = TopicReader.latest(TestKafka.bootstrapServers(), HUB.draftsTopic()).get(OTHER + ":EIGEN:2026");
            assertThat(draft).as("the EIGEN draft of " + OTHER).isNotNull();
            JsonNode indicators = HubJson.MAPPER.readTree(draft).get("indicators");
            // eigen-maanden.csv's months as MeasureReports: the worked example's measures, no milestone reported.
            JsonNode expected = HubJson.MAPPER.readTree(EXPECTED.get(AGB + ":EIGEN:2026")[0]);
            assertSameValues("measures from FHIR", indicators.get("measures"), expected.get("measures").toString());
            assertThat(indicators.at("/milestones/unreported").asInt()).isEqualTo(3);
        });
    }

    @Test
    void eachWorkedExampleGivesExactlyItsValuesOnTheTopicAndInValidate() throws Exception {
        readiness.awaitReady(Duration.ofSeconds(60));
        List<Path> files = new ArrayList<>();
        for (var e : SAMPLES.entrySet()) {
            for (String file : e.getValue()) {
                HubTestProperties.drop(HUB.inbox(e.getKey()), file, Files.readAllBytes(Path.of("samples", file)));
                files.add(Path.of("samples", file));
            }
        }
        Map<String, JsonNode> validated = ValidatedDrafts.of(properties, themeSettings, AGB, "Testziekenhuis " + AGB, files);
        assertThat(validated.keySet()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, byte[]> drafts = TopicReader.latest(TestKafka.bootstrapServers(), HUB.draftsTopic());
            assertThat(drafts.keySet().stream().filter(key -> key.startsWith(AGB + ":")))
                    .containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
            for (var e : EXPECTED.entrySet()) {
                JsonNode published = HubJson.MAPPER.readTree(drafts.get(e.getKey()));
                assertThat(Schemas.check(Schemas.DRAFT, published)).as(e.getKey()).isEmpty();
                assertSameValues(e.getKey() + " on the topic", published.get("indicators"), e.getValue()[0]);
                assertSameValues(e.getKey() + " from validate", validated.get(e.getKey()).get("indicators"), e.getValue()[0]);
                if (e.getValue()[1] != null) {
                    assertThat(published.at("/pdca/check").asText()).as(e.getKey()).isEqualTo(e.getValue()[1]);
                }
                for (String part : List.of("hospital", "theme", "period", "pdca")) {
                    assertThat(published.get(part)).as(e.getKey() + " " + part).isEqualTo(validated.get(e.getKey()).get(part));
                }
            }
        });
        for (String inbox : SAMPLES.keySet()) {
            try (var left = Files.list(HUB.inbox(inbox))) {
                assertThat(left.filter(Files::isRegularFile)).as(inbox).isEmpty();
            }
            assertThat(HUB.inbox(inbox).resolve(".error")).as(inbox).doesNotExist();
        }
    }

    /** Numbers compare by value (0.90 is 0.9), as themes.md §0.3 says of the worked examples. */
    private static void assertSameValues(String what, JsonNode actual, String expectedJson) throws Exception {
        JsonNode expected = HubJson.MAPPER.readTree(expectedJson);
        Comparator<JsonNode> byValue = (a, b) -> a.isNumber() && b.isNumber()
                ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;
        assertThat(actual.equals(byValue, expected)).as(what + ": " + actual + " should be " + expected).isTrue();
    }
}
