package nl.verbeterhub.fhir;

import static nl.verbeterhub.fhir.FhirKwetsbaarTests.DECEASED;
import static nl.verbeterhub.fhir.FhirKwetsbaarTests.HOME;
import static nl.verbeterhub.fhir.FhirKwetsbaarTests.LISTED;
import static nl.verbeterhub.fhir.FhirKwetsbaarTests.document;
import static nl.verbeterhub.fhir.FhirKwetsbaarTests.elderly;
import static nl.verbeterhub.fhir.FhirKwetsbaarTests.letter;
import static nl.verbeterhub.fhir.FhirKwetsbaarTests.overview;
import static nl.verbeterhub.fhir.FhirKwetsbaarTests.screening;
import static nl.verbeterhub.support.FhirJson.ACT_CODE;
import static nl.verbeterhub.support.FhirJson.LOINC;
import static nl.verbeterhub.support.FhirJson.patient;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.verbeterhub.extract.ExtractCommit;
import nl.verbeterhub.support.FhirJson;
import nl.verbeterhub.support.FhirJson.Entry;
import nl.verbeterhub.support.Fixture;
import nl.verbeterhub.theme.kwetsbaar.KwetsbaarTheme;
import nl.verbeterhub.theme.vbi.VbiTheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * themes.md §1.3: which screenings and documents an elderly admission joins (earliest counted ones of its own
 * Encounter, by any form of reference), removals, what rejects it and on which field, and the age on the local
 * date of admission.
 */
class FhirKwetsbaarJoinTests {

    private static final String ADMITTED = "2026-05-04T10:00:00+02:00";
    private static final String DISCHARGED = "2026-05-08T10:00:00+02:00";
    private static final String POLSBAND = "123891000146106";

    @TempDir
    Path dir;

    private static String urn(int n) {
        return "urn:uuid:0a1b2c3d-0000-4000-8000-%012d".formatted(n);
    }

    private static List<String> rejections(Fixture f) {
        return f.rejections().stream().map(r -> r.recordType() + " " + r.position() + " " + r.reason() + " " + r.field())
                .toList();
    }

    @Test
    void theEarliestCountedScreeningAndDocumentOfItsOwnEncounterCount() throws Exception {
        Path export = dir.resolve("export");
        FhirJson.ndjson(export.resolve("Encounter.ndjson"), elderly("J1", "p1", ADMITTED, DISCHARGED, HOME),
                elderly("J2", "p1", ADMITTED, DISCHARGED, HOME).codingObject("class", ACT_CODE, "AMB"));
        FhirJson.ndjson(export.resolve("Patient.ndjson"), patient("p1", "1940-01-01"));
        FhirJson.ndjson(export.resolve("Observation.ndjson"),
                screening("o1", "Encounter/J1", "delirium", "2026-05-05T12:00:00+02:00"), // 1560: late
                screening("o2", "Encounter/J1", "delirium", "2026-05-04T11:00:00+02:00"), // the earliest: on time
                screening("o3", "Encounter/J1", "falls", "2026-05-04T11:00:00+02:00").put("status", "preliminary"),
                screening("o4", "Encounter/J1", "falls", "2026-05-06T10:00:00+02:00"), // 2880: late
                screening("o5", "Encounter/J1", "falls", "2026-05-04").put("status", "preliminary"), // no rejection
                screening("o6", "Encounter/elsewhere", "malnutrition", "2026-05-04T11:00:00+02:00"),
                screening("o7", "Procedure/J1", "malnutrition", "2026-05-04T11:00:00+02:00"),
                screening("o8", "Encounter/J2", "malnutrition", "2026-05-04T11:00:00+02:00"), // no admission
                screening("o9", "https://ehr.example/fhir/Encounter/J1/_history/3", "physical", "2026-05-04T12:00:00+02:00")
                        .put("status", "amended"),
                // 47520 minutes before admission, beyond the lookback: would make physical late if it counted.
                screening("o10", "Encounter/J1", "physical", "2026-04-01T10:00:00+02:00").put("status", "cancelled"));
        FhirJson.ndjson(export.resolve("DocumentReference.ndjson"),
                letter("d1", "Encounter/J1", "2026-05-08T11:00:00+02:00").put("status", "superseded"),
                letter("d2", "Encounter/J1", "2026-05-10T10:00:00+02:00"), // 2880: late
                letter("d3", "Encounter/J1", "2026-05-11T10:00:00+02:00"),
                overview("d4", "Encounter/J1", "2026-05-08T12:00:00+02:00"), // 120: on time
                letter("d5", "Encounter/elsewhere", "2026-05-08T10:30:00+02:00"),
                overview("d6", "Encounter/J1", "2026-05-08T10:10:00+02:00").put("status", "entered-in-error"),
                document("d7", "Encounter/J1", LOINC, "11506-3", "2026-05-08T10:05:00+02:00")); // a progress note
        try (Fixture f = new Fixture(dir)) {
            f.deliverFhir("fhir", LISTED, export);
            assertThat(rejections(f)).isEmpty();
            ObjectNode i = f.indicators(KwetsbaarTheme.THEME, 2026);
            assertThat(i.get("admissions").asInt()).as("J2 is ambulatory").isEqualTo(1);
            // Malnutrition is not delivered: every screening of it named another Encounter.
            assertThat(i.get("screenedByDomainShare").toString())
                    .isEqualTo("{\"delirium\":1,\"falls\":0,\"malnutrition\":null,\"physical\":1}");
            assertThat(i.get("screenedAllDomainsShare").isNull()).isTrue();
            assertThat(i.get("letterOnTimeShare").decimalValue()).isEqualByComparingTo("0");
            assertThat(i.get("letterMinutes").toString()).isEqualTo("{\"median\":2880,\"p90\":2880}");
            assertThat(i.get("medicationOverviewOnTimeShare").decimalValue()).isEqualByComparingTo("1");
            assertThat(i.get("transferOnTimeShare").decimalValue()).isEqualByComparingTo("0");
        }
    }

    @Test
    void inABundleScreeningsAndDocumentsFindTheirEncounterByUrn() throws Exception {
        Path bundle = FhirJson.bundle(dir.resolve("bundle.json"), "collection",
                Entry.of(urn(1), screening(null, urn(3), "delirium", "2026-05-04T11:00:00+02:00")),
                Entry.of(urn(2), letter(null, urn(3), "2026-05-08T12:00:00+02:00")),
                Entry.of(urn(3),
                        elderly(null, "x", ADMITTED, DISCHARGED, HOME).identifier("urn:oid:2.999.1", "opname-1")
                                .ref("subject", urn(9))),
                Entry.of(urn(4), elderly("B2", "x", ADMITTED, DISCHARGED, HOME).ref("subject", urn(9))),
                Entry.of(urn(5), letter(null, urn(4), "2026-05-09T10:00:00+02:00")),
                Entry.of(urn(6), letter(null, urn(404), "2026-05-08T10:00:00+02:00")),
                Entry.of(urn(9), patient(null, "1940-01-01")));
        try (Fixture f = new Fixture(dir)) {
            f.deliverFhir("fhir", LISTED, bundle);
            assertThat(rejections(f)).isEmpty();
            ObjectNode i = f.indicators(KwetsbaarTheme.THEME, 2026);
            assertThat(i.get("admissions").asInt()).isEqualTo(2);
            assertThat(i.get("patients").asInt()).isEqualTo(1);
            assertThat(i.at("/screenedByDomainShare/delirium").decimalValue()).isEqualByComparingTo("0.5");
            // Letters after 120 and 1440 minutes: both resolved, both on time.
            assertThat(i.get("letterOnTimeShare").decimalValue()).isEqualByComparingTo("1");
            assertThat(i.at("/letterMinutes/p90").asInt()).isEqualTo(1440);
        }
    }

    @Test
    void aDeleteOrEnteredInErrorRemovesTheElderlyAdmissionWithTheAdmission() throws Exception {
        Path export = dir.resolve("export");
        FhirJson.ndjson(export.resolve("Encounter.ndjson"), elderly("J1", "p1", ADMITTED, DISCHARGED, HOME),
                elderly("J2", "p1", ADMITTED, DISCHARGED, HOME), elderly("J3", "p1", ADMITTED, DISCHARGED, DECEASED));
        FhirJson.ndjson(export.resolve("Patient.ndjson"), patient("p1", "1940-01-01"));
        FhirJson.ndjson(export.resolve("Procedure.ndjson"),
                FhirJson.vbi("v1", "Patient/p1", POLSBAND, ADMITTED, null));
        try (Fixture f = new Fixture(dir)) {
            f.deliverFhir("fhir", LISTED, export);
            assertThat(f.indicators(KwetsbaarTheme.THEME, 2026).get("admissions").asInt()).isEqualTo(3);
            assertThat(f.indicators(KwetsbaarTheme.THEME, 2026).get("discharges").asInt()).as("J3 died").isEqualTo(2);
            f.deliverFhir("fhir", LISTED, FhirJson.bundle(dir.resolve("delete.json"), "transaction",
                    new Entry(null, "DELETE", "Encounter/J1", null)));
            assertThat(f.indicators(KwetsbaarTheme.THEME, 2026).get("admissions").asInt()).isEqualTo(2);
            assertThat(f.indicators(VbiTheme.THEME, 2026).get("admissions").asInt()).isEqualTo(2);
            f.deliverFhir("fhir", LISTED, FhirJson.ndjson(dir.resolve("again").resolve("Encounter.ndjson"),
                    elderly("J2", "p1", ADMITTED, DISCHARGED, HOME).put("status", "entered-in-error")));
            assertThat(f.indicators(KwetsbaarTheme.THEME, 2026).get("admissions").asInt()).isEqualTo(1);
            assertThat(f.indicators(VbiTheme.THEME, 2026).get("admissions").asInt()).isEqualTo(1);
            assertThat(rejections(f)).isEmpty();
        }
    }

    /** By entry order (domain.md §2): the DELETE comes last, so J1 is neither an admission nor an elderly admission. */
    @Test
    void anEncounterDeletedLaterInTheSameBundleLeavesNeitherRecord() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            f.deliverFhir("fhir", LISTED, FhirJson.bundle(dir.resolve("batch.json"), "batch",
                    new Entry("Encounter/J1", "PUT", "Encounter/J1", elderly("J1", "p1", ADMITTED, DISCHARGED, HOME)),
                    new Entry("Encounter/J2", "PUT", "Encounter/J2", elderly("J2", "p1", ADMITTED, DISCHARGED, HOME)),
                    new Entry("Patient/p1", "PUT", "Patient/p1", patient("p1", "1940-01-01")),
                    new Entry("Procedure/v1", "PUT", "Procedure/v1",
                            FhirJson.vbi("v1", "Patient/p1", POLSBAND, ADMITTED, null)),
                    new Entry(null, "DELETE", "Encounter/J1", null)));
            assertThat(f.indicators(VbiTheme.THEME, 2026).get("admissions").asInt()).isEqualTo(1);
            assertThat(f.indicators(KwetsbaarTheme.THEME, 2026).get("admissions").asInt()).as("as the admission").isEqualTo(1);
        }
    }

    /** RecordConsumer#remove: one removal in the extract's report, however many types are tried. */
    @Test
    void anEncounterEnteredInErrorIsOneRemovalWhetherTheThemeIsListedOrNot() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            f.deliverFhir("fhir", LISTED, FhirJson.ndjson(dir.resolve("e1/Encounter.ndjson"),
                    elderly("J1", "p1", ADMITTED, DISCHARGED, HOME), elderly("J2", "p1", ADMITTED, DISCHARGED, HOME)));
            ExtractCommit plain = f.deliverFhir("fhir", FhirJson.ndjson(dir.resolve("e2/Encounter.ndjson"),
                    elderly("J1", "p1", ADMITTED, DISCHARGED, HOME).put("status", "entered-in-error")));
            ExtractCommit listed = f.deliverFhir("fhir", LISTED, FhirJson.ndjson(dir.resolve("e3/Encounter.ndjson"),
                    elderly("J2", "p1", ADMITTED, DISCHARGED, HOME).put("status", "entered-in-error")));
            assertThat(plain.report().removed()).isEqualTo(1);
            assertThat(listed.report().removed()).isEqualTo(1);
        }
    }

    @Test
    void whatRejectsAnElderlyAdmissionNamesItsField() throws Exception {
        Path export = dir.resolve("export");
        FhirJson.ndjson(export.resolve("Encounter.ndjson"),
                elderly("R1", "p1", "2026-05-04", DISCHARGED, HOME),
                elderly("R2", "p1", ADMITTED, DISCHARGED, HOME),
                elderly("R3", "missing", ADMITTED, DISCHARGED, HOME),
                elderly("R4", "no-birth-date", ADMITTED, DISCHARGED, HOME),
                elderly("R5", "p1", ADMITTED, "2026-05-04T09:59:00+02:00", HOME),
                elderly("R6", "p1", ADMITTED, DISCHARGED, HOME),
                elderly("R7", "p1", ADMITTED, "2026-05-08", HOME),
                elderly("R8", "p1", ADMITTED, DISCHARGED, HOME),
                elderly("R9", "p1", ADMITTED, DISCHARGED, HOME),
                elderly("R10", "born-later", ADMITTED, DISCHARGED, HOME),
                elderly("R11", "year-only", ADMITTED, DISCHARGED, HOME),
                elderly("R12", "p1", ADMITTED, DISCHARGED, HOME).remove("subject"),
                elderly("R13", "p1", ADMITTED, DISCHARGED, "not-a-destination-code"),
                // 70 on the local date of admission (1 June, 00:30), 69 an hour earlier (31 May, 23:30).
                elderly("R14", "turns-70", "2026-05-31T22:30:00Z", null, null),
                elderly("R15", "turns-70", "2026-05-31T21:30:00Z", null, null));
        FhirJson.ndjson(export.resolve("Patient.ndjson"), patient("p1", "1940-01-01"), patient("no-birth-date", null),
                patient("born-later", "2026-05-05"), patient("year-only", "1940"), patient("turns-70", "1956-06-01"));
        FhirJson.ndjson(export.resolve("Observation.ndjson"),
                screening("o2", "Encounter/R2", "delirium", "2026-05-04"),
                screening("o9", "Encounter/R9", "falls", null));
        FhirJson.ndjson(export.resolve("DocumentReference.ndjson"),
                letter("d6", "Encounter/R6", "2026-05-04T09:59:59+02:00"),
                overview("d8", "Encounter/R8", "2026-05-08"));
        FhirJson.ndjson(export.resolve("Procedure.ndjson"), FhirJson.vbi("v1", "Patient/p1", POLSBAND, ADMITTED, null));
        try (Fixture f = new Fixture(dir)) {
            f.deliverFhir("fhir", LISTED, export);
            assertThat(rejections(f)).containsExactlyInAnyOrder(
                    "ADMISSION Encounter.ndjson line 5 END_BEFORE_START discharged_at",
                    "ADMISSION Encounter.ndjson line 12 MISSING_FIELD patient_id",
                    "KWETSBAAR Encounter.ndjson line 1 UNPARSABLE admitted_at",
                    "KWETSBAAR Encounter.ndjson line 2 UNPARSABLE delirium_screened_at",
                    "KWETSBAAR Encounter.ndjson line 3 UNRESOLVED_REFERENCE patient_id",
                    "KWETSBAAR Encounter.ndjson line 4 MISSING_FIELD age_years",
                    "KWETSBAAR Encounter.ndjson line 5 END_BEFORE_START discharged_at",
                    "KWETSBAAR Encounter.ndjson line 6 END_BEFORE_START letter_sent_at",
                    "KWETSBAAR Encounter.ndjson line 7 UNPARSABLE discharged_at",
                    "KWETSBAAR Encounter.ndjson line 8 UNPARSABLE medication_overview_sent_at",
                    "KWETSBAAR Encounter.ndjson line 9 UNPARSABLE falls_screened_at",
                    "KWETSBAAR Encounter.ndjson line 10 OUT_OF_RANGE birth_date",
                    "KWETSBAAR Encounter.ndjson line 11 UNPARSABLE birth_date",
                    "KWETSBAAR Encounter.ndjson line 12 MISSING_FIELD patient_id");
            assertThat(f.rejections()).allSatisfy(r -> assertThat(r.resourceType()).isEqualTo("Encounter"));
            // R13: an unknown destination code is other, which the transfer measures keep.
            assertThat(f.indicators(KwetsbaarTheme.THEME, 2026).get("discharges").asInt()).isEqualTo(1);
            assertThat(f.indicators(KwetsbaarTheme.THEME, 2026).get("admissions").asInt()).as("R13, R14").isEqualTo(2);
            assertThat(f.indicators(VbiTheme.THEME, 2026).get("admissions").asInt()).isEqualTo(13);
        }
        ReaderComparison.Outcome both = new ReaderComparison(Files.createDirectories(dir.resolve("readers")))
                .sameExtract(export, LISTED);
        assertThat(both.rejections()).hasSize(14);
        assertThat(both.rejection("Encounter.ndjson", 9)).isEqualTo("UNPARSABLE falls_screened_at");
    }
}
