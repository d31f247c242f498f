package nl.verbeterhub.fhir;

import static nl.verbeterhub.support.FhirJson.ACT_CODE;
import static nl.verbeterhub.support.FhirJson.SNOMED;
import static nl.verbeterhub.support.FhirJson.VBI_SCORE;
import static nl.verbeterhub.support.FhirJson.admission;
import static nl.verbeterhub.support.FhirJson.vbi;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import nl.verbeterhub.support.FhirJson;
import nl.verbeterhub.support.Fixture;
import nl.verbeterhub.theme.vbi.VbiTheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** VBI registrations and admissions from FHIR (domain.md §6): recognition, the score, date-only periods. */
class FhirVbiAdmissionTests {

    private static final String POLSBAND = "123891000146106";
    private static final String BEDHEKKEN = "123921000146104";

    @TempDir
    Path dir;

    private int extracts;

    private void deliver(Fixture f, String file, FhirJson... resources) throws Exception {
        f.deliverFhir("fhir", FhirJson.ndjson(dir.resolve("export-" + ++extracts).resolve(file), resources));
    }

    private static List<String> rejections(Fixture f) {
        return f.rejections().stream().map(r -> r.position().index() + " " + r.reason() + " " + r.field()).toList();
    }

    @Test
    void aVbiIsRecognisedByCategoryOrProfileAndScoredByExtensionElseTheTable() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            deliver(f, "Procedure.ndjson",
                    vbi("r1", "Patient/p1", POLSBAND, "2025-03-01T10:00:00+01:00", "2025-03-01T11:30:00+01:00"),
                    vbi("r2", "Patient/p1", BEDHEKKEN, "2025-03-02T10:00:00+01:00", null).remove("category")
                            .coding("category", SNOMED, "225214000"),
                    vbi("r3", "Patient/p2", BEDHEKKEN, "2025-03-03T10:00:00+01:00", null).remove("category")
                            .profile("http://nictiz.nl/fhir/StructureDefinition/nl-core-FreedomRestrictingIntervention|1.0.0"),
                    vbi("r4", "Patient/p2", "999999", "2025-03-04T10:00:00+01:00", null).extension(VBI_SCORE, 5),
                    vbi("r5", "Patient/p2", "999999", "2025-03-05T10:00:00+01:00", null),
                    vbi("r6", "Patient/p2", POLSBAND, "2025-03-06T10:00:00+01:00", null).extension(VBI_SCORE, 7),
                    vbi("r7", "Patient/p2", POLSBAND, "2025-03-07T10:00:00+01:00", null).extension(VBI_SCORE, "vijf"),
                    vbi("r8", "Patient/p2", null, "2025-03-08T10:00:00+01:00", null),
                    vbi("r9", "Patient/p2", POLSBAND, null, null).remove("performedPeriod")
                            .put("performedDateTime", "2025-03-09T10:00:00+01:00"),
                    vbi("r10", "Patient/p2", POLSBAND, "2025-03-10T10:00:00+01:00", "2025-03-10T09:59:00+01:00"),
                    vbi("r11", "Patient/p2", POLSBAND, "2025-03-11T10:00:00+01:00", null).remove("category")
                            .coding("category", SNOMED, "12345"));
            assertThat(rejections(f)).containsExactly("5 UNKNOWN_INTERVENTION intervention_type", "6 OUT_OF_RANGE score",
                    "7 UNPARSABLE score", "8 MISSING_FIELD intervention_type", "10 END_BEFORE_START end");
            ObjectNode i = f.indicators(VbiTheme.THEME, 2025);
            assertThat(i.get("registrations").asInt()).as("r11 is no VBI").isEqualTo(5);
            assertThat(i.get("heavy").asInt()).as("r1 by the table, r4 by its extension, r9").isEqualTo(3);
            assertThat(i.at("/byScore/3").asInt()).isEqualTo(2);
            assertThat(i.at("/heavyDurationMinutes/median").asInt()).isEqualTo(90);
            assertThat(i.get("heavyWithAlternativesShare").isNull()).as("FHIR cannot carry it").isTrue();
        }
    }

    @Test
    void aDateOnlyPeriodCountsButGivesNoDurationAndIsBeforeItsStartOnlyByItsDate() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            deliver(f, "Procedure.ndjson",
                    vbi("r1", "Patient/p1", POLSBAND, "2025-05-01", "2025-05-05"),
                    vbi("r2", "Patient/p1", POLSBAND, "2025-05-06T10:00:00+02:00", "2025-05-06"),
                    vbi("r3", "Patient/p1", POLSBAND, "2025-05-07T10:00:00+02:00", "2025-05-06"),
                    vbi("r4", "Patient/p1", POLSBAND, "2025-05-08", "2025-05-08T01:00:00+02:00"),
                    vbi("r5", "Patient/p1", POLSBAND, "2025-05-09T10:00:00+02:00", "2025-05-09T12:00:00+02:00"),
                    vbi("r6", "Patient/p1", POLSBAND, "2025-05", null));
            assertThat(rejections(f)).containsExactly("3 END_BEFORE_START end", "6 UNPARSABLE start");
            ObjectNode i = f.indicators(VbiTheme.THEME, 2025);
            assertThat(i.get("heavy").asInt()).isEqualTo(4);
            assertThat(i.at("/heavyDurationMinutes/median").asInt()).as("only r5 has two times").isEqualTo(120);
            assertThat(i.at("/heavyByMonth/4").asInt()).isEqualTo(4);
            assertThat(f.draft(VbiTheme.THEME, 2025).at("/period/dataUntil").asText())
                    .as("a date only anchors at local midnight").isEqualTo("2025-05-09T10:00:00+02:00");
        }
    }

    @Test
    void admissionsByClassAndStatusAreTheDenominatorOfVbi() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            deliver(f, "Procedure.ndjson", vbi("r1", "Patient/p1", POLSBAND, "2025-03-01T10:00:00+01:00", null));
            deliver(f, "Encounter.ndjson",
                    admission("e1", "Patient/p1", "2025-01-01T10:00:00+01:00", "2025-01-05T10:00:00+01:00"),
                    admission("e2", "Patient/p1", "2025-02-01", null).codingObject("class", ACT_CODE, "ACUTE"),
                    admission("e3", "Patient/p1", "2025-02-01", "2025-02-03").codingObject("class", ACT_CODE, "NONAC")
                            .put("status", "in-progress"),
                    admission("e4", "Patient/p1", "2025-02-01", null)
                            .codingObject("class", "urn:oid:2.16.840.1.113883.2.4.3.11.60.40.4.29.1", "TA").put("status", "onleave"),
                    admission("e5", "Patient/p1", "2025-02-01", null)
                            .codingObject("class", "urn:oid:2.16.840.1.113883.2.4.3.11.60.40.4.29.1", "PA"),
                    admission("e6", "Patient/p1", "2025-02-01", null).codingObject("class", ACT_CODE, "AMB"),
                    admission("e7", "Patient/p1", "2025-02-01", null).put("status", "planned"),
                    admission("e8", "Patient/p1", "2025-02-05", "2025-02-04"),
                    admission("e9", "Patient/p1", "2024-12-31T23:30:00Z", null));
            assertThat(rejections(f)).containsExactly("8 END_BEFORE_START discharged_at");
            ObjectNode i = f.indicators(VbiTheme.THEME, 2025);
            assertThat(i.get("admissions").asInt()).as("IMP, ACUTE, NONAC, TA; 00:30 on 1 January 2025 in Amsterdam")
                    .isEqualTo(5);
            assertThat(i.get("heavyPer1000Admissions").decimalValue()).isEqualByComparingTo("200");
        }
    }

    @Test
    void statusesOfProceduresAndEncountersAndEnteredInErrorRemoves() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            String start = "2025-03-01T10:00:00+01:00";
            deliver(f, "Procedure.ndjson",
                    vbi("r1", "Patient/p1", POLSBAND, start, null),
                    vbi("r2", "Patient/p1", POLSBAND, start, null).put("status", "in-progress"),
                    vbi("r3", "Patient/p1", POLSBAND, start, null).put("status", "stopped"),
                    vbi("r4", "Patient/p1", POLSBAND, start, null).put("status", "preparation"),
                    vbi("r5", "Patient/p1", POLSBAND, start, null).put("status", "not-done"),
                    vbi("r6", "Patient/p1", POLSBAND, start, null).put("status", "on-hold"),
                    vbi("r7", "Patient/p1", POLSBAND, start, null).put("status", "unknown"),
                    vbi("r8", "Patient/p1", POLSBAND, start, null).put("status", "done"));
            assertThat(rejections(f)).containsExactly("8 UNPARSABLE status");
            assertThat(f.indicators(VbiTheme.THEME, 2025).get("registrations").asInt()).isEqualTo(3);
            deliver(f, "Procedure.ndjson", vbi("r2", "Patient/p1", POLSBAND, start, null).put("status", "entered-in-error"));
            assertThat(f.indicators(VbiTheme.THEME, 2025).get("registrations").asInt()).isEqualTo(2);
            deliver(f, "Encounter.ndjson", admission("e1", "Patient/p1", start, null),
                    admission("e2", "Patient/p1", start, null).put("status", "arrived"),
                    admission("e3", "Patient/p1", start, null).put("status", "cancelled"));
            assertThat(f.indicators(VbiTheme.THEME, 2025).get("admissions").asInt()).isEqualTo(1);
            deliver(f, "Encounter.ndjson", admission("e1", "Patient/p1", start, null).put("status", "entered-in-error"));
            assertThat(f.indicators(VbiTheme.THEME, 2025).get("admissions").asInt()).isZero();
        }
    }
}
