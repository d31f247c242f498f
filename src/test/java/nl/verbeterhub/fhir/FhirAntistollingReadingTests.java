package nl.verbeterhub.fhir;

import static nl.verbeterhub.fhir.FhirAntistollingTests.ATC;
import static nl.verbeterhub.fhir.FhirAntistollingTests.CLASS;
import static nl.verbeterhub.fhir.FhirAntistollingTests.LISTED;
import static nl.verbeterhub.fhir.FhirAntistollingTests.anticoagulation;
import static nl.verbeterhub.fhir.FhirAntistollingTests.assertSameJson;
import static nl.verbeterhub.fhir.FhirAntistollingTests.bool;
import static nl.verbeterhub.fhir.FhirAntistollingTests.code;
import static nl.verbeterhub.fhir.FhirAntistollingTests.coding;
import static nl.verbeterhub.fhir.FhirAntistollingTests.dateTime;
import static nl.verbeterhub.fhir.FhirAntistollingTests.inr;
import static nl.verbeterhub.fhir.FhirAntistollingTests.procedure;
import static nl.verbeterhub.fhir.FhirAntistollingTests.workedExample;
import static nl.verbeterhub.support.FhirJson.SNOMED;
import static nl.verbeterhub.support.FhirJson.anaesthesia;
import static nl.verbeterhub.support.FhirJson.encounter;
import static nl.verbeterhub.support.FhirJson.patient;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.verbeterhub.connector.SourceSettings;
import nl.verbeterhub.support.FhirJson;
import nl.verbeterhub.support.Fixture;
import nl.verbeterhub.theme.antistolling.AntistollingTheme;
import nl.verbeterhub.theme.nuchter.FastingTheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ANTISTOLLING from FHIR, continued ({@link FhirAntistollingTests}): what rejects a record and with which field,
 * the streaming reader against HAPI's full parse ({@link ReaderComparison}), and the INR join in a Bundle.
 */
class FhirAntistollingReadingTests {

    @TempDir
    Path dir;

    private static List<String> rejections(Fixture f) {
        return f.rejections().stream().map(r -> r.position() + " " + r.reason() + " " + r.field() + " " + r.resourceType())
                .toList();
    }

    /** Lines 1–17 rejected (17: only its ANTISTOLLING record), 18 no record, 19–21 accepted (19 urgent). */
    static Path rejectionsExport(Path export) {
        String at = "2026-03-02T10:00:00+01:00";
        ObjectNode doac = coding("anticoagulant", CLASS, "DOAC");
        FhirJson.ndjson(export.resolve("Procedure.ndjson"),
                procedure("a1", "Patient/p1", null, at, code("plan", "interrupt")),
                procedure("a2", "Patient/p1", null, at, coding("anticoagulant", SNOMED, "372756006")),
                procedure("a3", "Patient/p1", null, at, coding("anticoagulant", ATC, "B01AX05")),
                procedure("a4", "Patient/p1", null, "2026-03-02", doac),
                procedure("a5", "Patient/p1", "Encounter/elsewhere", at, doac),
                procedure("a6", "Patient/p1", null, at, doac, code("plan", "pauzeren")),
                procedure("a7", "Patient/p1", null, at, doac, code("bleedingRisk", "extreem")),
                procedure("a8", "Patient/p1", null, at, doac, dateTime("planRecorded", "2026-03-01")),
                procedure("a9", "Patient/p1", null, at, code("anticoagulant", "DOAC")),
                procedure("a10", "Patient/p1", "Encounter/elsewhere", at, coding("anticoagulant", ATC, "N02BE01")),
                procedure("a11", "Patient/p1", null, null, doac),
                procedure("a12", null, null, at, doac),
                procedure("a13", "Patient/p1", null, at),
                procedure("a14", "Patient/p1", null, at, doac).remove("status"),
                procedure("a15", "Patient/p1", null, at, coding("anticoagulant", ATC, "DOAC")),
                procedure("a16", "Patient/p1", null, at, coding("anticoagulant", CLASS, "B01AF02")),
                anticoagulation(anaesthesia("n1", "Patient/c1", null, at), coding("anticoagulant", ATC, "B01A")),
                procedure("a18", "Patient/p1", null, at, doac).put("status", "preparation"),
                procedure("ok19", "Patient/p1", "Encounter/e1", at, coding("anticoagulant", CLASS, "doac")),
                procedure("ok20", "Patient/p2", null, at, coding("anticoagulant", ATC, "B01AE07"), code("plan", "bridge")),
                procedure("ok21", "Patient/p3", null, at, coding("anticoagulant", ATC, "B01AC06"), code("plan", "continue"),
                        code("plan", "pauzeren"), code("bleedingRisk", "LOW")));
        FhirJson.ndjson(export.resolve("Encounter.ndjson"), encounter("e1", "Patient/p1", "UR"));
        FhirJson.ndjson(export.resolve("Patient.ndjson"), patient("c1", "2020-01-01"));
        return export;
    }

    @Test
    void whatCannotBeReadRejectsTheRecordNamingItsField() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            f.deliverFhir("fhir", LISTED, rejectionsExport(dir.resolve("export")));
            assertThat(rejections(f)).containsExactly(
                    "Procedure.ndjson line 1 MISSING_FIELD anticoagulant Procedure",
                    "Procedure.ndjson line 2 UNPARSABLE anticoagulant Procedure",
                    "Procedure.ndjson line 3 UNPARSABLE anticoagulant Procedure",
                    "Procedure.ndjson line 4 UNPARSABLE procedure_at Procedure",
                    "Procedure.ndjson line 5 UNRESOLVED_REFERENCE urgency Procedure",
                    "Procedure.ndjson line 6 UNPARSABLE plan Procedure",
                    "Procedure.ndjson line 7 UNPARSABLE bleeding_risk Procedure",
                    "Procedure.ndjson line 8 UNPARSABLE plan_recorded_at Procedure",
                    "Procedure.ndjson line 9 UNPARSABLE anticoagulant Procedure",
                    "Procedure.ndjson line 10 UNPARSABLE anticoagulant Procedure",
                    "Procedure.ndjson line 11 MISSING_FIELD procedure_at Procedure",
                    "Procedure.ndjson line 12 MISSING_FIELD patient_id Procedure",
                    "Procedure.ndjson line 13 MISSING_FIELD anticoagulant Procedure",
                    "Procedure.ndjson line 14 MISSING_FIELD status Procedure",
                    "Procedure.ndjson line 15 UNPARSABLE anticoagulant Procedure",
                    "Procedure.ndjson line 16 UNPARSABLE anticoagulant Procedure",
                    "Procedure.ndjson line 17 UNPARSABLE anticoagulant Procedure");
            assertThat(f.indicators(FastingTheme.THEME, 2026).get("procedures").asInt()).as("n1's NUCHTER record").isEqualTo(1);
            ObjectNode i = f.indicators(AntistollingTheme.THEME, 2026);
            assertThat(i.get("procedures").asInt()).as("ok19 is urgent (UR)").isEqualTo(2);
            assertSameJson(i.get("byAnticoagulant"), "{\"VKA\":0,\"DOAC\":1,\"LMWH\":0,\"TAR\":1,\"DAPT\":0}");
            assertThat(i.get("doacBridgedShare").decimalValue()).isEqualByComparingTo("1");
            assertThat(f.draft(AntistollingTheme.THEME, 2026).at("/dataQuality/recordsRead").asInt()).isEqualTo(20);
        }
    }

    @Test
    void bothReadersReadTheExtensionAndTheInrsAlike() throws Exception {
        ReaderComparison compare = new ReaderComparison(dir);
        for (Path export : List.of(workedExample(dir.resolve("worked")), rejectionsExport(dir.resolve("rejections")),
                oddShapes(dir.resolve("odd")))) {
            assertThat(compare.sameResources(export)).isPositive();
            compare.sameExtract(export, LISTED);
        }
        ReaderComparison.Outcome o = compare.sameExtract(dir.resolve("worked"), LISTED);
        assertThat(o.rejections()).isEmpty();
        assertThat(o.accepted(AntistollingTheme.ANTISTOLLING, "Procedure/OK-1", "Procedure/OK-2", "Procedure/OK-3",
                "Procedure/OK-4")).isTrue();
        ReaderComparison.Outcome odd = compare.sameExtract(dir.resolve("odd"), LISTED);
        // o2's valueCodeableConcept: both readers alike, whichever reason (see the report); o3's valueString is no coding.
        assertThat(odd.rejections()).extracting(r -> r.position().index() + " " + r.field())
                .containsExactly("2 anticoagulant", "3 anticoagulant");
        assertThat(odd.rejection("Procedure.ndjson", 3)).isEqualTo("UNPARSABLE anticoagulant");
        assertThat(odd.accepted(AntistollingTheme.ANTISTOLLING, "Procedure/o1", "Procedure/o4", "Procedure/o5")).isTrue();
    }

    /** Shapes a sender may use: sub-extensions in any order, two extensions, values of other types. */
    static Path oddShapes(Path export) {
        String at = "2026-04-01T10:00:00+02:00";
        ObjectNode concept = JsonNodeFactory.instance.objectNode().put("url", "anticoagulant");
        concept.putObject("valueCodeableConcept").putArray("coding").addObject().put("system", CLASS).put("code", "VKA");
        ObjectNode noUrl = JsonNodeFactory.instance.objectNode().put("valueCode", "bridge");
        FhirJson twice = procedure("o4", "Patient/p1", null, at, code("plan", "continue"), coding("anticoagulant", ATC, "B01AA07"));
        anticoagulation(twice, coding("anticoagulant", CLASS, "DAPT"), code("plan", "bridge"));
        FhirJson.ndjson(export.resolve("Procedure.ndjson"),
                procedure("o1", "Patient/p1", null, at, bool("postponed", false), dateTime("planRecorded", at),
                        code("plan", "continue"), coding("anticoagulant", CLASS, "LMWH"), noUrl,
                        code("unknown", "x")).extension(FhirJson.VBI_SCORE, 3),
                procedure("o2", "Patient/p1", null, at, concept),
                procedure("o3", "Patient/p1", null, at, JsonNodeFactory.instance.objectNode().put("url", "anticoagulant")
                        .put("valueString", "VKA")),
                twice,
                procedure("o5", "Patient/p1", null, at, coding("anticoagulant", CLASS, "VKA"),
                        JsonNodeFactory.instance.objectNode().put("url", "plan").put("valueString", "interrupt")));
        FhirJson.ndjson(export.resolve("Observation.ndjson"), inr("i1", "Patient/p1", "6301-6", "2026-04-01T07:00:00.5+02:00"),
                inr("i2", "Patient/p1", "6301-6", null).remove("effectiveDateTime").period("effectivePeriod", at, null));
        return export;
    }

    @Test
    void aBundleFindsTheInrOfAPatientNamedByUrn() throws Exception {
        String at = "2026-05-12T09:00:00+02:00";
        Path bundle = FhirJson.bundle(dir.resolve("bundle.json"), "collection",
                FhirJson.Entry.of("urn:uuid:pa", patient(null, "1950-01-01")),
                FhirJson.Entry.of("urn:uuid:pb", patient(null, "1951-01-01")),
                FhirJson.Entry.of("urn:uuid:x1", procedure("B-1", "urn:uuid:pa", "urn:uuid:enc", at,
                        coding("anticoagulant", ATC, "B01AA04"), code("plan", "interrupt"))),
                FhirJson.Entry.of("urn:uuid:x2", procedure("B-2", "urn:uuid:pb", null, at,
                        coding("anticoagulant", CLASS, "VKA"), code("plan", "bridge"))),
                FhirJson.Entry.of("urn:uuid:enc", encounter(null, "urn:uuid:pa", "R")),
                FhirJson.Entry.of("urn:uuid:i1", inr(null, "urn:uuid:pa", "6301-6", "2026-05-11T15:00:00+02:00")),
                FhirJson.Entry.of("urn:uuid:i2", inr(null, "urn:uuid:pb", "6301-6", "2026-05-09T15:00:00+02:00")),
                FhirJson.Entry.of("urn:uuid:i3", inr(null, "urn:uuid:pa", "6301-6", "2026-05-12T08:00:00+02:00")
                        .put("status", "cancelled")));
        try (Fixture f = new Fixture(dir)) {
            f.deliverFhir("bundle", LISTED, bundle);
            assertThat(rejections(f)).isEmpty();
            ObjectNode i = f.indicators(AntistollingTheme.THEME, 2026);
            assertThat(i.get("procedures").asInt()).isEqualTo(2);
            // B-1's INR the day before is in time; B-2's three days before is not (pa's INR is not pb's).
            assertThat(i.get("vkaInrCheckedShare").decimalValue()).isEqualByComparingTo("0.5");
        }
    }

    @Test
    void everyThemeListedOrAPatientIdentifierSystemFindsTheSameInrs() throws Exception {
        Path worked = workedExample(dir.resolve("worked"));
        String at = "2026-03-02T10:00:00+01:00";
        Path first = dir.resolve("first");
        FhirJson.ndjson(first.resolve("Patient.ndjson"), patient("x", null).identifier(FhirJson.BSN, "111"));
        FhirJson.ndjson(first.resolve("Procedure.ndjson"),
                procedure("p1", "Patient/x", null, at, coding("anticoagulant", CLASS, "VKA"), code("plan", "interrupt")));
        FhirJson byIdentifier = inr("i1", null, "6301-6", "2026-03-01T10:00:00+01:00");
        byIdentifier.node().putObject("subject").putObject("identifier").put("system", FhirJson.BSN).put("value", "111");
        FhirJson.ndjson(first.resolve("Observation.ndjson"), byIdentifier);
        // A later extract without the Patient: the connector linked Patient/x to its BSN before.
        Path later = dir.resolve("later");
        FhirJson.ndjson(later.resolve("Procedure.ndjson"),
                procedure("p2", "Patient/x", null, at, coding("anticoagulant", CLASS, "VKA"), code("plan", "bridge")));
        FhirJson.ndjson(later.resolve("Observation.ndjson"), inr("i2", "Patient/x", "6301-6", "2026-03-02T09:00:00+01:00"));
        SourceSettings.Fhir bsn = new SourceSettings.Fhir(Optional.of(FhirJson.BSN), Optional.empty(), Set.of(AntistollingTheme.THEME));
        try (Fixture listed = new Fixture(Files.createDirectories(dir.resolve("a")));
             Fixture all = new Fixture(Files.createDirectories(dir.resolve("b")));
             Fixture f = new Fixture(Files.createDirectories(dir.resolve("c")))) {
            listed.deliverFhir("fhir", LISTED, worked);
            all.deliverFhir("fhir", SourceSettings.Fhir.DEFAULTS.withThemes(SourceSettings.Fhir.LISTABLE), worked);
            assertThat(all.indicators(AntistollingTheme.THEME, 2026)).isEqualTo(listed.indicators(AntistollingTheme.THEME, 2026));
            f.deliverFhir("fhir", bsn, first);
            f.deliverFhir("fhir", bsn, later);
            assertThat(rejections(f)).isEmpty();
            ObjectNode i = f.indicators(AntistollingTheme.THEME, 2026);
            assertThat(i.get("patients").asInt()).isEqualTo(1);
            assertThat(i.get("vkaInrCheckedShare").decimalValue()).isEqualByComparingTo("1");
        }
    }

    @Test
    void anEmptyValueIsNoValueInBothReaders() throws Exception {
        String at = "2026-03-02T10:00:00+01:00";
        Path export = FhirJson.ndjson(dir.resolve("empty/Procedure.ndjson"),
                procedure("e1", "Patient/p1", null, at, coding("anticoagulant", CLASS, "VKA"), code("plan", "")),
                procedure("e2", "Patient/p1", null, at, code("anticoagulant", ""))).getParent();
        ReaderComparison compare = new ReaderComparison(dir);
        compare.sameResources(export);
        ReaderComparison.Outcome o = compare.sameExtract(export, LISTED);
        // As HAPI reads "" (no value): e1 has no plan, e2 no anticoagulant.
        assertThat(o.accepted(AntistollingTheme.ANTISTOLLING, "Procedure/e1")).isTrue();
        assertThat(o.rejection("Procedure.ndjson", 2)).isEqualTo("MISSING_FIELD anticoagulant");
    }

    /** One resource, two records, both rejected: their rejections are told apart by key; a concept is no coding. */
    @Test
    void aProcedureRejectedForBothItsRecordsGivesTwoKeysAndAConceptIsNoCoding() throws Exception {
        ObjectNode concept = JsonNodeFactory.instance.objectNode().put("url", "anticoagulant");
        concept.putObject("valueCodeableConcept").putArray("coding").addObject().put("system", ATC).put("code", "B01AF01");
        Path export = dir.resolve("keys");
        FhirJson.ndjson(export.resolve("Procedure.ndjson"),
                anticoagulation(anaesthesia("n1", "Patient/c1", null, "2026-03-02"), coding("anticoagulant", CLASS, "DOAC")),
                procedure("a2", "Patient/c1", null, "2026-03-02T10:00:00+01:00", concept));
        FhirJson.ndjson(export.resolve("Patient.ndjson"), patient("c1", "2020-01-01"));
        try (Fixture f = new Fixture(dir)) {
            f.deliverFhir("fhir", LISTED, export);
            assertThat(f.rejections()).extracting(r -> r.recordType() + " " + r.reason() + " " + r.field())
                    .containsExactlyInAnyOrder("NUCHTER UNPARSABLE induction_at", "ANTISTOLLING UNPARSABLE procedure_at",
                            "ANTISTOLLING UNPARSABLE anticoagulant");
            assertThat(f.rejections().stream().map(nl.verbeterhub.extract.Rejection::key).distinct()).hasSize(3);
            // Only a resource's second record names its type in the key: n1's anticoagulation, not a2's lone one.
            assertThat(f.rejections()).filteredOn(r -> r.field().equals("procedure_at"))
                    .extracting(nl.verbeterhub.extract.Rejection::key).singleElement().asString().endsWith(":ANTISTOLLING");
            assertThat(f.rejections()).filteredOn(r -> r.field().equals("anticoagulant"))
                    .extracting(nl.verbeterhub.extract.Rejection::key).singleElement().asString().doesNotContain("ANTISTOLLING");
        }
        new ReaderComparison(Files.createDirectories(dir.resolve("compare"))).sameExtract(export, LISTED);
    }
}
