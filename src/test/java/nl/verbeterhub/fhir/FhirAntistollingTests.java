package nl.verbeterhub.fhir;

import static nl.verbeterhub.support.FhirJson.LOINC;
import static nl.verbeterhub.support.FhirJson.SNOMED;
import static nl.verbeterhub.support.FhirJson.anaesthesia;
import static nl.verbeterhub.support.FhirJson.encounter;
import static nl.verbeterhub.support.FhirJson.patient;
import static nl.verbeterhub.support.FhirJson.vbi;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import nl.verbeterhub.connector.SourceSettings;
import nl.verbeterhub.json.HubJson;
import nl.verbeterhub.support.FhirJson;
import nl.verbeterhub.support.Fixture;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.antistolling.AntistollingTheme;
import nl.verbeterhub.theme.nuchter.FastingTheme;
import nl.verbeterhub.theme.vbi.VbiTheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ANTISTOLLING from FHIR (themes.md §2.3): a Procedure with the periprocedural-anticoagulation extension, its
 * urgency as NUCHTER's, the latest INR Observation of its patient at or before it as {@code inr_at}; read only
 * when the connector lists the theme. The worked example of §2.6 as FHIR plus the roster as CSV equals the CSV.
 */
class FhirAntistollingTests {

    static final String EXTENSION = "http://verbeterhub.nl/fhir/StructureDefinition/periprocedural-anticoagulation";
    static final String ATC = "http://www.whocc.no/atc";
    static final String CLASS = "http://verbeterhub.nl/fhir/CodeSystem/anticoagulant-class";
    static final SourceSettings.Fhir LISTED = SourceSettings.Fhir.DEFAULTS.withThemes(Set.of(AntistollingTheme.THEME));

    /** The worked example of themes.md §2.6 as the project ships it. */
    private static final Path PROCEDURES_CSV = Path.of("samples/antistolling.csv");
    private static final Path SHIFTS_CSV = Path.of("samples/stollingsdienst.csv");

    @TempDir
    Path dir;

    // --- builders: the extension's JSON, built on FhirJson's node ---

    static ObjectNode coding(String url, String system, String code) {
        ObjectNode sub = JsonNodeFactory.instance.objectNode().put("url", url);
        sub.putObject("valueCoding").put("system", system).put("code", code);
        return sub;
    }

    static ObjectNode code(String url, String value) {
        return JsonNodeFactory.instance.objectNode().put("url", url).put("valueCode", value);
    }

    static ObjectNode dateTime(String url, String value) {
        return JsonNodeFactory.instance.objectNode().put("url", url).put("valueDateTime", value);
    }

    static ObjectNode bool(String url, boolean value) {
        return JsonNodeFactory.instance.objectNode().put("url", url).put("valueBoolean", value);
    }

    /** Adds the periprocedural-anticoagulation extension with these sub-extensions (nulls left out). */
    static FhirJson anticoagulation(FhirJson resource, ObjectNode... subs) {
        ObjectNode e = resource.node().withArray("extension").addObject().put("url", EXTENSION);
        for (ObjectNode sub : subs) {
            if (sub != null) e.withArray("extension").add(sub);
        }
        return resource;
    }

    /** An operation (not an anaesthesia, not a VBI) with the extension. */
    static FhirJson procedure(String id, String patient, String encounter, String at, ObjectNode... subs) {
        FhirJson r = FhirJson.resource("Procedure", id).put("status", "completed").coding("code", SNOMED, "387713003")
                .ref("subject", patient).ref("encounter", encounter).put("performedDateTime", at);
        return anticoagulation(r, subs);
    }

    static FhirJson inr(String id, String patient, String loinc, String at) {
        FhirJson r = FhirJson.resource("Observation", id).put("status", "final").coding("code", LOINC, loinc)
                .ref("subject", patient).put("effectiveDateTime", at);
        r.node().putObject("valueQuantity").put("value", 2.4);
        return r;
    }

    /** The §2.6 procedures and their INRs, with INRs that must not be taken; Encounters give the urgency. */
    static Path workedExample(Path export) {
        FhirJson.ndjson(export.resolve("Procedure.ndjson"),
                procedure("OK-1", "Patient/P1", "Encounter/e1", null, coding("anticoagulant", ATC, "B01AA07"),
                        code("bleedingRisk", "intermediate"), code("plan", "interrupt"),
                        dateTime("planRecorded", "2026-02-02T11:00:00+01:00"), bool("postponed", false))
                        .remove("performedDateTime").period("performedPeriod", "2026-02-10T08:30:00+01:00", null),
                procedure("OK-2", "Patient/P2", null, "2026-02-11T13:00:00+01:00", coding("anticoagulant", CLASS, "VKA"),
                        code("bleedingRisk", "high"), code("plan", "bridge"),
                        dateTime("planRecorded", "2026-02-10T13:00:00+01:00"), bool("postponed", true)),
                procedure("OK-3", "Patient/P3", "Encounter/e3", "2026-02-12T09:00:00+01:00",
                        coding("anticoagulant", ATC, "B01AF02"), code("bleedingRisk", "laag"), code("plan", "onderbreken"),
                        dateTime("planRecorded", "2026-02-12T07:30:00+01:00")),
                procedure("OK-4", "Patient/P1", "Encounter/e4", "2026-02-13T02:15:00+01:00",
                        coding("anticoagulant", CLASS, "DOAC"), code("bleedingRisk", "hoog"), code("plan", "overbruggen")));
        FhirJson.ndjson(export.resolve("Encounter.ndjson"), encounter("e1", "Patient/P1", "R"),
                encounter("e3", "Patient/P3", null), encounter("e4", "Patient/P1", "EM"));
        FhirJson.ndjson(export.resolve("Observation.ndjson"),
                inr("i1", "Patient/P1", "6301-6", "2026-02-08T10:00:00+01:00"),          // OK-1's: two days before
                inr("i2", "Patient/P1", "6301-6", "2026-02-07T10:00:00+01:00"),          // earlier: not the latest
                inr("i3", "Patient/P1", "6301-6", "2026-02-09T20:00:00+01:00").put("status", "preliminary"),
                inr("i4", "Patient/P1", "6301-6", "2026-02-09"),                         // no time: ignored
                inr("i5", "Patient/P1", "6301-6", "2026-02-09T20:00:00"),                // no offset: ignored
                inr("i6", "Patient/P1", "5902-2", "2026-02-09T20:00:00+01:00"),          // a prothrombin time, no INR
                inr("i7", "Patient/P9", "6301-6", "2026-02-10T08:00:00+01:00"),          // another patient's
                inr("i8", "Patient/P2", "34714-6", "2026-02-10T23:59:00+01:00").put("status", "amended"), // OK-2's
                inr("i9", "Patient/P2", "6301-6", "2026-02-11T13:00:01+01:00"),          // a second after OK-2
                inr("i10", "Patient/P2", "6301-6", "2026-02-05T10:00:00+01:00"));        // read last, not the latest
        return export;
    }

    /** Equal JSON, numbers compared by value (themes.md §0.3: {@code 0} is {@code 0.0}). */
    static void assertSameJson(JsonNode actual, String expected) throws Exception {
        JsonNode wanted = HubJson.MAPPER.readTree(expected);
        Comparator<JsonNode> byValue = (a, b) -> a.isNumber() && b.isNumber()
                ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;
        assertThat(actual.equals(byValue, wanted)).as("%s is %s", actual, expected).isTrue();
    }

    @Test
    void theWorkedExampleAsFhirWithTheRosterAsCsvGivesTheCsvIndicators() throws Exception {
        Path export = workedExample(dir.resolve("export"));
        try (Fixture fhir = new Fixture(Files.createDirectories(dir.resolve("fhir")));
             Fixture csv = new Fixture(Files.createDirectories(dir.resolve("csv")))) {
            fhir.deliverFhir("fhir", LISTED, export);
            fhir.deliver("roster-csv", Files.readString(SHIFTS_CSV));
            csv.deliver("antistolling-csv", Files.readString(PROCEDURES_CSV));
            csv.deliver("stollingsdienst-csv", Files.readString(SHIFTS_CSV));
            assertThat(fhir.rejections()).isEmpty();
            assertThat(fhir.drafts(AntistollingTheme.THEME)).extracting(d -> d.year()).containsExactly(2025, 2026);
            assertThat(csv.drafts(AntistollingTheme.THEME)).extracting(d -> d.year()).containsExactly(2025, 2026);
            for (int year : new int[] {2025, 2026}) {
                assertThat(fhir.indicators(AntistollingTheme.THEME, year)).as("%d", year)
                        .isEqualTo(csv.indicators(AntistollingTheme.THEME, year));
                assertThat(fhir.draft(AntistollingTheme.THEME, year).get("period"))
                        .isEqualTo(csv.draft(AntistollingTheme.THEME, year).get("period"));
            }
            ObjectNode draft = fhir.draft(AntistollingTheme.THEME, 2026);
            assertSameJson(draft.get("indicators"), "{\"procedures\":3,\"patients\":3,"
                    + "\"byAnticoagulant\":{\"VKA\":2,\"DOAC\":1,\"LMWH\":0,\"TAR\":0,\"DAPT\":0},"
                    + "\"planOnTimeShare\":0.6667,\"continuedAtLowRiskShare\":0.0,\"doacBridgedShare\":0.0,"
                    + "\"vkaInrCheckedShare\":0.5,\"postponedShare\":0.5,"
                    + "\"expertise\":{\"rosterUntil\":\"2026-01-14T08:00:00+01:00\",\"coverageShare\":0.9953,"
                    + "\"uncoveredMinutes\":90,\"longestGapMinutes\":90}}");
            assertThat(draft.at("/period/dataUntil").asText()).isEqualTo("2026-02-13T02:15:00+01:00");
            assertThat(draft.at("/pdca/check").asText()).isEqualTo("In 2026 zijn 3 electieve ingrepen bij patiënten met "
                    + "antistolling geregistreerd; beleid tijdig vastgelegd: 66,7%; stollingsexpertise bereikbaar: 99,5% van de tijd.");
            assertThat(draft.at("/dataQuality/recordsRead").asLong()).as("4 Procedures, 2 shifts; INRs are no records")
                    .isEqualTo(6);
            ObjectNode y2025 = fhir.draft(AntistollingTheme.THEME, 2025);
            assertSameJson(y2025.get("indicators"), "{\"procedures\":0,\"patients\":0,"
                    + "\"byAnticoagulant\":{\"VKA\":0,\"DOAC\":0,\"LMWH\":0,\"TAR\":0,\"DAPT\":0},"
                    + "\"planOnTimeShare\":null,\"continuedAtLowRiskShare\":null,\"doacBridgedShare\":null,"
                    + "\"vkaInrCheckedShare\":null,\"postponedShare\":null,"
                    + "\"expertise\":{\"rosterUntil\":\"2026-01-14T08:00:00+01:00\",\"coverageShare\":0.0008,"
                    + "\"uncoveredMinutes\":525180,\"longestGapMinutes\":525180}}");
            assertThat(y2025.at("/period/dataUntil").asText()).isEqualTo("2025-12-31T17:00:00+01:00");
            assertThat(y2025.at("/pdca/check").asText()).isEqualTo("In 2025 zijn 0 electieve ingrepen bij patiënten met "
                    + "antistolling geregistreerd; beleid tijdig vastgelegd: onbekend; stollingsexpertise bereikbaar: 0,1% van de tijd.");
        }
    }

    /** An anaesthesia Procedure (NUCHTER) and a VBI, each with the extension when marked, and an INR. */
    private static Path nuchterAndVbi(Path export, boolean marked) {
        FhirJson n1 = anaesthesia("n1", "Patient/c1", "Encounter/e1", "2026-03-02T10:00:00+01:00");
        FhirJson v1 = vbi("v1", "Patient/a1", "123891000146106", "2026-03-03T10:00:00+01:00", "2026-03-03T11:00:00+01:00");
        if (marked) {
            anticoagulation(n1, coding("anticoagulant", CLASS, "TAR"), code("plan", "continue"));
            anticoagulation(v1, coding("anticoagulant", ATC, "B01AB05"), bool("postponed", true));
        }
        FhirJson.ndjson(export.resolve("Procedure.ndjson"), n1, v1);
        FhirJson.ndjson(export.resolve("Encounter.ndjson"), encounter("e1", "Patient/c1", "R"));
        FhirJson.ndjson(export.resolve("Patient.ndjson"), patient("c1", "2020-01-01"));
        FhirJson.ndjson(export.resolve("Observation.ndjson"),
                FhirJson.intake("i1", "Procedure/n1", "clear-fluid", "2026-03-02T07:00:00+01:00"),
                inr("inr1", "Patient/c1", "6301-6", "2026-03-02T08:00:00+01:00"));
        return export;
    }

    @Test
    void withoutTheThemeListedThereIsNoDraftAndTheExtensionChangesNoVbiOrNuchterRecord() throws Exception {
        Path plain = nuchterAndVbi(dir.resolve("plain"), false);
        Path marked = nuchterAndVbi(dir.resolve("marked"), true);
        try (Fixture a = new Fixture(Files.createDirectories(dir.resolve("a")));
             Fixture notListed = new Fixture(Files.createDirectories(dir.resolve("b")));
             Fixture listed = new Fixture(Files.createDirectories(dir.resolve("c")))) {
            a.deliverFhir("fhir", plain);
            notListed.deliverFhir("fhir", marked);
            listed.deliverFhir("fhir", LISTED, marked);
            assertThat(notListed.drafts(AntistollingTheme.THEME)).isEmpty();
            for (Fixture f : List.of(a, notListed, listed)) {
                assertThat(f.rejections()).isEmpty();
                for (Theme theme : List.of(FastingTheme.THEME, VbiTheme.THEME)) {
                    assertThat(f.indicators(theme, 2026)).as("%s", theme).isEqualTo(a.indicators(theme, 2026));
                    assertThat(f.draft(theme, 2026).get("dataQuality")).isEqualTo(a.draft(theme, 2026).get("dataQuality"));
                }
            }
            assertThat(a.indicators(FastingTheme.THEME, 2026).get("procedures").asInt()).isEqualTo(1);
            ObjectNode i = listed.indicators(AntistollingTheme.THEME, 2026);
            assertSameJson(i.get("byAnticoagulant"), "{\"VKA\":0,\"DOAC\":0,\"LMWH\":1,\"TAR\":1,\"DAPT\":0}");
            assertThat(i.get("postponedShare").decimalValue()).isEqualByComparingTo("1");
        }
    }

    @Test
    void enteredInErrorInALaterExtractOrABundleDeleteRemovesTheRecord() throws Exception {
        String at = "2026-03-02T10:00:00+01:00";
        try (Fixture f = new Fixture(dir)) {
            f.deliverFhir("fhir", LISTED, FhirJson.ndjson(dir.resolve("e1/Procedure.ndjson"),
                    procedure("p1", "Patient/p1", null, at, coding("anticoagulant", CLASS, "VKA")),
                    procedure("p2", "Patient/p2", null, at, coding("anticoagulant", CLASS, "DOAC")),
                    procedure("p3", "Patient/p3", null, at, coding("anticoagulant", CLASS, "DAPT"))));
            assertThat(f.indicators(AntistollingTheme.THEME, 2026).get("procedures").asInt()).isEqualTo(3);
            f.deliverFhir("fhir", LISTED, FhirJson.ndjson(dir.resolve("e2/Procedure.ndjson"),
                    procedure("p1", "Patient/p1", null, at, coding("anticoagulant", CLASS, "VKA"))
                            .put("status", "entered-in-error")));
            f.deliverFhir("fhir", LISTED, FhirJson.bundle(dir.resolve("e3/batch.json"), "batch",
                    new FhirJson.Entry(null, "DELETE", "Procedure/p3", null)));
            assertThat(f.rejections()).isEmpty();
            assertSameJson(f.indicators(AntistollingTheme.THEME, 2026).get("byAnticoagulant"),
                    "{\"VKA\":0,\"DOAC\":1,\"LMWH\":0,\"TAR\":0,\"DAPT\":0}");
        }
    }
}
