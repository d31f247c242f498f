package nl.verbeterhub.fhir;

import static nl.verbeterhub.support.FhirJson.SNOMED;
import static nl.verbeterhub.support.FhirJson.anaesthesia;
import static nl.verbeterhub.support.FhirJson.encounter;
import static nl.verbeterhub.support.FhirJson.intake;
import static nl.verbeterhub.support.FhirJson.patient;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.verbeterhub.support.FhirJson;
import nl.verbeterhub.support.Fixture;
import nl.verbeterhub.theme.nuchter.FastingTheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NUCHTER join of domain.md §6: an anaesthesia Procedure with its Patient (age at induction), its
 * Encounter (urgency) and its intake Observations, within one extract, whatever the order of its files.
 */
class FhirAnaesthesiaTests {

    private static final String INDUCTION = "2025-06-02T10:00:00+02:00";

    @TempDir
    Path dir;

    private static List<String> rejections(Fixture f) {
        return f.rejections().stream().map(r -> r.position() + " " + r.reason() + " " + r.field()).toList();
    }

    @Test
    void aProcedureJoinsItsPatientEncounterAndIntakesWhateverTheFileOrder() throws Exception {
        Path export = dir.resolve("export");
        // Name order puts the procedures first; the passes still read them last.
        FhirJson.ndjson(export.resolve("A-Procedure.ndjson"),
                anaesthesia("n1", "Patient/p1", "Encounter/e1", INDUCTION),
                anaesthesia("n2", "Patient/p2", "Encounter/e2", INDUCTION).remove("code").coding("code", SNOMED, "50697003"),
                anaesthesia("n3", "Patient/p1", "Encounter/e3", INDUCTION),
                anaesthesia("n4", "Patient/p3", null, INDUCTION));
        FhirJson.ndjson(export.resolve("B-Encounter.ndjson"), encounter("e1", "Patient/p1", "R"),
                encounter("e2", "Patient/p2", null), encounter("e3", "Patient/p1", "EM"));
        FhirJson.ndjson(export.resolve("C-Observation.ndjson"),
                intake("i1", "Procedure/n1", "clear-fluid", "2025-06-02T08:30:00+02:00"),
                intake("i2", "Procedure/n1", "clear-fluid", "2025-06-02T09:10:00+02:00"),
                intake("i3", "Procedure/n1", "solid", "2025-06-01T22:00:00+02:00"),
                intake("i4", "Procedure/n1", "breast-milk", "2025-06-02T06:00:00+02:00"),
                intake("i5", "Procedure/n2", "clear-fluid", "2025-06-02T06:00:00+02:00"),
                intake("i6", "Procedure/n2", "clear-fluid", "2025-06-02T09:55:00+02:00").put("status", "preliminary"),
                intake("i7", "Procedure/n4", "clear-fluid", "2025-06-02T07:59:00+02:00"));
        FhirJson.ndjson(export.resolve("D-Patient.ndjson"), patient("p1", "2019-06-02"), patient("p2", "2020-01-01"),
                patient("p3", "2007-06-03"));
        try (Fixture f = new Fixture(dir)) {
            f.deliverFhir("fhir", export);
            assertThat(f.rejections()).isEmpty();
            ObjectNode i = f.indicators(FastingTheme.THEME, 2025);
            // n3 is urgent (EM); n4's child turns 18 the day after induction: in the population.
            assertThat(i.get("procedures").asInt()).isEqualTo(3);
            // n1: the latest clear fluid, 50 minutes; n2: 240 (the preliminary one does not count); n4: 121.
            assertThat(i.at("/clearFluidFastingMinutes/median").asInt()).isEqualTo(121);
            assertThat(i.at("/clearFluidFastingMinutes/p90").asInt()).isEqualTo(240);
            assertThat(i.get("clearFluidOver2hShare").decimalValue()).isEqualByComparingTo("0.6667");
            assertThat(i.at("/solidFastingMinutes/median").asInt()).isEqualTo(720);
            assertThat(i.get("clearFluidMissing").asInt()).isZero();
        }
    }

    @Test
    void whatTheJoinCannotFindOrReadRejectsTheRecord() throws Exception {
        Path export = dir.resolve("export");
        List<FhirJson> procedures = new ArrayList<>(List.of(
                anaesthesia("n1", "Patient/missing", "Encounter/e1", INDUCTION),
                anaesthesia("n2", "Patient/p1", "Encounter/missing", INDUCTION),
                anaesthesia("n3", "Patient/p1", "Encounter/e1", "2025-06-02"),
                anaesthesia("n4", "Patient/p1", "Encounter/e1", INDUCTION),
                anaesthesia("n5", "Patient/p1", "Encounter/e1", INDUCTION),
                anaesthesia("n6", "Patient/p1", "Encounter/e1", INDUCTION),
                anaesthesia("n7", "Patient/p1", "Encounter/e1", INDUCTION),
                anaesthesia("n8", "Patient/p1", "Encounter/e1", INDUCTION),
                anaesthesia("n9", "Patient/born-later", "Encounter/e1", INDUCTION),
                anaesthesia("n10", "Patient/year-only", "Encounter/e1", INDUCTION),
                anaesthesia("n11", "Patient/no-birth-date", "Encounter/e1", INDUCTION),
                anaesthesia("n12", "Patient/p1", "Encounter/e1", null).remove("performedDateTime"),
                anaesthesia("n13", "Patient/p1", "Encounter/e-in-error", INDUCTION)));
        FhirJson.ndjson(export.resolve("Procedure.ndjson"), procedures.toArray(FhirJson[]::new));
        FhirJson.ndjson(export.resolve("Encounter.ndjson"), encounter("e1", "Patient/p1", null),
                encounter("e-in-error", "Patient/p1", "EM").put("status", "entered-in-error"));
        FhirJson.ndjson(export.resolve("Observation.ndjson"),
                intake("i4", "Procedure/n4", "clear-fluid", "2025-06-02T10:30:00+02:00"),
                intake("i5", "Procedure/n5", "solid", "2025-05-30T09:59:59+02:00"),
                intake("i6", "Procedure/n6", "clear-fluid", "2025-06-02"),
                intake("i7", "Procedure/n7", "clear-fluid", null),
                intake("i8a", "Procedure/n8", "breast-milk", "2025-06-02T08:00:00+02:00"),
                intake("i8b", "Procedure/n8", "breast-milk", "2025-06-02T08:00:00"));
        FhirJson.ndjson(export.resolve("Patient.ndjson"), patient("p1", "2019-06-02"), patient("born-later", "2025-07-01"),
                patient("year-only", "2019"), patient("no-birth-date", null));
        try (Fixture f = new Fixture(dir)) {
            f.deliverFhir("fhir", export);
            assertThat(rejections(f)).containsExactly(
                    "Procedure.ndjson line 1 UNRESOLVED_REFERENCE patient_id",
                    "Procedure.ndjson line 2 UNRESOLVED_REFERENCE urgency",
                    "Procedure.ndjson line 3 UNPARSABLE induction_at",
                    "Procedure.ndjson line 4 INTAKE_AFTER_INDUCTION last_clear_fluid_at",
                    "Procedure.ndjson line 5 IMPLAUSIBLE_DURATION last_solid_at",
                    "Procedure.ndjson line 6 UNPARSABLE last_clear_fluid_at",
                    "Procedure.ndjson line 7 UNPARSABLE last_clear_fluid_at",
                    "Procedure.ndjson line 8 UNPARSABLE last_breast_milk_at",
                    "Procedure.ndjson line 9 OUT_OF_RANGE birth_date",
                    "Procedure.ndjson line 10 UNPARSABLE birth_date",
                    "Procedure.ndjson line 11 MISSING_FIELD age_years",
                    "Procedure.ndjson line 12 MISSING_FIELD induction_at",
                    "Procedure.ndjson line 13 UNRESOLVED_REFERENCE urgency");
            assertThat(f.rejections()).allSatisfy(r -> assertThat(r.resourceType()).isEqualTo("Procedure"));
        }
    }

    @Test
    void oneFileHoldingEveryTypeJoinsToo() throws Exception {
        Path mixed = FhirJson.ndjson(dir.resolve("mixed.ndjson"),
                intake("i1", "Procedure/n1", "clear-fluid", "2025-06-02T07:00:00+02:00"),
                anaesthesia("n1", "Patient/p1", "Encounter/e1", INDUCTION),
                encounter("e1", "Patient/p1", "UR"),
                anaesthesia("n2", "Patient/p1", null, INDUCTION),
                patient("p1", "2015-01-01"));
        try (Fixture f = new Fixture(dir)) {
            f.deliverFhir("fhir", mixed);
            assertThat(f.rejections()).isEmpty();
            ObjectNode i = f.indicators(FastingTheme.THEME, 2025);
            assertThat(i.get("procedures").asInt()).as("n1 is urgent (UR)").isEqualTo(1);
            assertThat(i.get("clearFluidMissing").asInt()).isEqualTo(1);
        }
    }
}
