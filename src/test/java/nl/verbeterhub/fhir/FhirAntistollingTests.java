package nl.verbeterhub.fhir;

import static nl.verbeterhub.support.FhirJson.LOINC;
import static nl.verbeterhub.support.FhirJson.SNOMED;
import static nl.verbeterhub.support.FhirJson.anaesthesia;
import static nl.verbeterhub.support.FhirJson.encounter;
import static nl.verbeterhub.support.FhirJson.patient;
import static nl.verbeterhub.support.FhirJson.vbi;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import nl.verbeterhub.connector.SourceSettings;
import nl.verbeterhub.support.FhirJson;
import nl.verbeterhub.support.Fixture;
import nl.verbeterhub.theme.Theme;
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
    static final SourceSettings.Fhir LISTED = SourceSettings.Fhir.DEFAULTS.withThemes(Set.of(Theme.ANTISTOLLING));

    /** {@code antistolling.csv} of themes.md §2.6, as samples/antistolling.csv holds it. */
    private static final String PROCEDURES_CSV = """
            procedure_id;patient_id;procedure_at;anticoagulant;urgency;bleeding_risk;plan;plan_recorded_at;inr_at;postponed
            OK-1;P1;10-2-2026 8:30;B01AA07;electief;intermediate;onderbreken;2-2-2026 11:00;8-2-2026 10:00;nee
            OK-2;P2;11-2-2026 13:00;VKA;;hoog;overbruggen;10-2-2026 13:00;10-2-2026 23:59;ja
            OK-3;P3;12-2-2026 9:00;B01AF02;;laag;onderbreken;12-2-2026 7:30;;
            OK-4;P1;13-2-2026 2:15;DOAC;spoed;hoog;overbruggen;;;
            """;
    /** {@code stollingsdienst.csv} of themes.md §2.6. */
    private static final String SHIFTS_CSV = """
            shift_id;start;end
            S-1;31-12-2025 17:00;7-1-2026 8:00
            S-2;7-1-2026 9:30;14-1-2026 8:00
            """;

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
                inr("i9", "Patient/P2", "6301-6", "2026-02-11T13:00:01+01:00"));         // a second after OK-2
        return export;
    }

    @Test
    void theWorkedExampleAsFhirWithTheRosterAsCsvGivesTheCsvIndicators() throws Exception {
        Path export = workedExample(dir.resolve("export"));
        try (Fixture fhir = new Fixture(Files.createDirectories(dir.resolve("fhir")));
             Fixture csv = new Fixture(Files.createDirectories(dir.resolve("csv")))) {
            fhir.deliverFhir("fhir", LISTED, export);
            fhir.deliver("roster-csv", SHIFTS_CSV);
            csv.deliver("antistolling-csv", PROCEDURES_CSV);
            csv.deliver("stollingsdienst-csv", SHIFTS_CSV);
            assertThat(fhir.rejections()).isEmpty();
            assertThat(fhir.drafts(Theme.ANTISTOLLING)).extracting(d -> d.year()).containsExactly(2025, 2026);
            assertThat(csv.drafts(Theme.ANTISTOLLING)).extracting(d -> d.year()).containsExactly(2025, 2026);
            for (int year : new int[] {2025, 2026}) {
                assertThat(fhir.indicators(Theme.ANTISTOLLING, year)).as("%d", year)
                        .isEqualTo(csv.indicators(Theme.ANTISTOLLING, year));
                assertThat(fhir.draft(Theme.ANTISTOLLING, year).get("period"))
                        .isEqualTo(csv.draft(Theme.ANTISTOLLING, year).get("period"));
            }
            ObjectNode draft = fhir.draft(Theme.ANTISTOLLING, 2026);
            assertThat(draft.get("indicators").toString()).isEqualTo("{\"procedures\":3,\"patients\":3,"
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
            ObjectNode y2025 = fhir.draft(Theme.ANTISTOLLING, 2025);
            assertThat(y2025.get("indicators").toString()).isEqualTo("{\"procedures\":0,\"patients\":0,"
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
}
