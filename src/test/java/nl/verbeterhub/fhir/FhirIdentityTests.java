package nl.verbeterhub.fhir;

import static nl.verbeterhub.support.FhirJson.BSN;
import static nl.verbeterhub.support.FhirJson.anaesthesia;
import static nl.verbeterhub.support.FhirJson.painScore;
import static nl.verbeterhub.support.FhirJson.patient;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import nl.verbeterhub.connector.SourceSettings;
import nl.verbeterhub.support.FhirJson;
import nl.verbeterhub.support.Fixture;
import nl.verbeterhub.theme.nuchter.FastingTheme;
import nl.verbeterhub.theme.pijn.PainTheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Identity (domain.md §6): with a patient identifier system a record's patient is that identifier of its
 * Patient — in the same extract, or delivered before by the same connector — pseudonymised like a CSV
 * patient number; with a record identifier system the record's id is its identifier in that system.
 */
class FhirIdentityTests {

    private static final String AT = "2025-05-01T08:00:00+02:00";
    private static final SourceSettings.Fhir BY_BSN = new SourceSettings.Fhir(Optional.of(BSN), Optional.empty());

    @TempDir
    Path dir;

    private static List<String> rejections(Fixture f) {
        return f.rejections().stream().map(r -> r.position() + " " + r.reason() + " " + r.field()).toList();
    }

    @Test
    void aPatientIdentifierNamesThePatientAcrossExtractsAndSourcesLikeACsvPatientNumber() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            f.deliver("csv", "measurement_id,patient_id,measured_at,scale,value\nc1,999990019,2025-05-01 07:30,NRS,2\n");
            Path first = dir.resolve("export-1");
            FhirJson.ndjson(first.resolve("Patient.ndjson"), patient("p1", "1970-01-01").identifier(BSN, "999990019"),
                    patient("p3", "1970-01-01").identifier("urn:oid:2.16.840.1.113883.2.4.6.3", "123"));
            FhirJson.ndjson(first.resolve("Observation.ndjson"),
                    painScore("m1", "Patient/p1", AT, "NRS", 5),
                    painScore("m2", "Patient/p2", AT, "NRS", 5),
                    painScore("m3", "Patient/p3", AT, "NRS", 5),
                    painScore("m4", null, AT, "NRS", 5).remove("subject"));
            FhirJson m5 = painScore("m5", null, "2025-05-02T08:00:00+02:00", "NRS", 5).remove("subject");
            m5.node().putObject("subject").putObject("identifier").put("system", BSN).put("value", "999990019");
            FhirJson.ndjson(first.resolve("Observation-2.ndjson"), m5);
            f.deliverFhir("fhir", BY_BSN, first);
            assertThat(rejections(f)).containsExactly(
                    "Observation.ndjson line 2 UNRESOLVED_REFERENCE patient_id",
                    "Observation.ndjson line 3 UNRESOLVED_REFERENCE patient_id",
                    "Observation.ndjson line 4 MISSING_FIELD patient_id");
            assertThat(f.indicators(PainTheme.THEME, 2025).get("patients").asInt()).as("the CSV patient is the BSN's").isEqualTo(1);
            assertThat(f.indicators(PainTheme.THEME, 2025).get("followUpWithin60Share").decimalValue())
                    .as("m1 at 08:00 follows c1 at 07:30 of the same patient; m1 needs action, nothing follows it")
                    .isEqualByComparingTo("0");

            // An incremental export that does not repeat the Patient: the connector's earlier Patient counts.
            f.deliverFhir("fhir", BY_BSN, FhirJson.ndjson(dir.resolve("export-2/Observation.ndjson"),
                    painScore("m6", "Patient/p1", "2025-05-01T08:45:00+02:00", "NRS", 1)));
            assertThat(f.rejections()).hasSize(3);
            assertThat(f.indicators(PainTheme.THEME, 2025).get("patients").asInt()).isEqualTo(1);
            assertThat(f.indicators(PainTheme.THEME, 2025).get("followUpWithin60Share").decimalValue()).as("m6 follows m1 within the hour").isEqualByComparingTo("0.5");

            // Another connector does not see this one's Patients.
            f.deliverFhir("other", BY_BSN, FhirJson.ndjson(dir.resolve("export-3/Observation.ndjson"),
                    painScore("m7", "Patient/p1", AT, "NRS", 1)));
            assertThat(rejections(f)).last().isEqualTo("Observation.ndjson line 1 UNRESOLVED_REFERENCE patient_id");
        }
    }

    @Test
    void anaesthesiaStillTakesTheAgeFromThePatientInTheSameExtract() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            Path export = dir.resolve("export");
            FhirJson.ndjson(export.resolve("Patient.ndjson"), patient("p1", "2019-01-01").identifier(BSN, "999990020"));
            FhirJson.ndjson(export.resolve("Procedure.ndjson"), anaesthesia("n1", "Patient/p1", null, "2025-06-02T10:00:00+02:00"));
            f.deliverFhir("fhir", BY_BSN, export);
            assertThat(f.rejections()).isEmpty();
            assertThat(f.indicators(FastingTheme.THEME, 2025).get("procedures").asInt()).isEqualTo(1);
        }
    }

    @Test
    void aSubjectGivenByIdentifierOrConditionalReferenceFindsItsPatientsBirthDate() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            Path export = dir.resolve("export");
            FhirJson.ndjson(export.resolve("Patient.ndjson"), patient("p1", "2019-01-01").identifier(BSN, "999990020"),
                    patient("p2", "2010-01-01").identifier(BSN, "999990021"));
            FhirJson n1 = anaesthesia("n1", null, null, "2025-06-02T10:00:00+02:00").remove("subject");
            n1.node().putObject("subject").putObject("identifier").put("system", BSN).put("value", "999990020");
            FhirJson n2 = anaesthesia("n2", "Patient?identifier=" + BSN + "|999990021", null, "2025-06-02T11:00:00+02:00");
            FhirJson n3 = anaesthesia("n3", null, null, "2025-06-02T12:00:00+02:00").remove("subject");
            n3.node().putObject("subject").putObject("identifier").put("system", BSN).put("value", "999990099");
            FhirJson.ndjson(export.resolve("Procedure.ndjson"), n1, n2, n3);
            f.deliverFhir("fhir", BY_BSN, export);
            assertThat(rejections(f)).as("no Patient of that BSN in the extract: its age is unknown")
                    .containsExactly("Procedure.ndjson line 3 UNRESOLVED_REFERENCE patient_id");
            assertThat(f.indicators(FastingTheme.THEME, 2025).get("procedures").asInt())
                    .as("both children (6 and 15) in the population: their birth dates were found").isEqualTo(2);
        }
    }

    @Test
    void aRecordIdentifierSystemChoosesTheIdentifierThatIsTheRecordsId() throws Exception {
        SourceSettings.Fhir byOwnSystem = new SourceSettings.Fhir(Optional.empty(), Optional.of("urn:oid:1.2.3.4"));
        try (Fixture f = new Fixture(dir)) {
            f.deliverFhir("fhir", byOwnSystem, FhirJson.ndjson(dir.resolve("a/Observation.ndjson"),
                    painScore("x1", "Patient/p1", AT, "NRS", 9).identifier("urn:oid:9.9", "OTHER-1")
                            .identifier("urn:oid:1.2.3.4", "M-1"),
                    painScore("x2", "Patient/p1", AT, "NRS", 9).identifier("urn:oid:9.9", "OTHER-2")));
            f.deliverFhir("fhir", byOwnSystem, FhirJson.ndjson(dir.resolve("b/Observation.ndjson"),
                    painScore("y1", "Patient/p1", AT, "NRS", 1).identifier("urn:oid:1.2.3.4", "M-1"),
                    painScore("x2", "Patient/p1", AT, "NRS", 1)));
            assertThat(f.indicators(PainTheme.THEME, 2025).get("measurements").asInt())
                    .as("M-1 corrected; x2 by its resource id, its other identifier not being the system's").isEqualTo(2);
            assertThat(f.indicators(PainTheme.THEME, 2025).get("painShare").decimalValue()).isEqualByComparingTo("0");
        }
    }
}
