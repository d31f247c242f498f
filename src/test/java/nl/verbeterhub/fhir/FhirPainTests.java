package nl.verbeterhub.fhir;

import static nl.verbeterhub.support.FhirJson.HUB_PAIN_SCALE;
import static nl.verbeterhub.support.FhirJson.LOINC;
import static nl.verbeterhub.support.FhirJson.PAIN_METHOD;
import static nl.verbeterhub.support.FhirJson.SNOMED;
import static nl.verbeterhub.support.FhirJson.observationScale;
import static nl.verbeterhub.support.FhirJson.painScore;
import static nl.verbeterhub.support.FhirJson.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import nl.verbeterhub.extract.ExtractCommit;
import nl.verbeterhub.support.FhirJson;
import nl.verbeterhub.support.Fixture;
import nl.verbeterhub.theme.pijn.PainTheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pain scores from FHIR (domain.md §6): each way a scale is coded, values, dates, statuses and every rejection. */
class FhirPainTests {

    private static final String AT = "2025-05-01T08:00:00+02:00";

    @TempDir
    Path dir;

    private int extracts;

    private ExtractCommit deliver(Fixture f, FhirJson... resources) throws Exception {
        return f.deliverFhir("fhir", FhirJson.ndjson(dir.resolve("export-" + ++extracts).resolve("Observation.ndjson"), resources));
    }

    private static List<String> rejections(Fixture f) {
        return f.rejections().stream().map(r -> r.position().index() + " " + r.reason() + " " + r.field()).toList();
    }

    @Test
    void everyCodingOfAScaleMapsToItAndTheObservationScalesAreVulnerable() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            ExtractCommit c = deliver(f,
                    painScore("m1", "Patient/p1", AT, "NRS", 4),
                    painScore("m2", "Patient/p1", "2025-05-01T08:30:00+02:00", "VAS10", 7),
                    painScore("m3", "Patient/p2", AT, "VAS100", null).put("valueInteger", null)
                            .put("valueQuantity", null),
                    resource("Observation", "m4").put("status", "final").coding("code", LOINC, "72514-3")
                            .ref("subject", "Patient/p3").put("effectiveDateTime", AT).put("valueInteger", 8),
                    observationScale("m5", "Patient/p4", AT, "108291000146105", 6),
                    observationScale("m6", "Patient/p4", AT, "108301000146109", 17),
                    painScore("m7", "Patient/p5", AT, "PAINAD", 3).remove("method").coding("method", HUB_PAIN_SCALE, "PAINAD"),
                    resource("Observation", "m8").put("status", "final").coding("code", LOINC, "8302-2")
                            .ref("subject", "Patient/p6").put("effectiveDateTime", AT).put("valueInteger", 180));
            assertThat(rejections(f)).containsExactly("3 MISSING_FIELD value");
            assertThat(c.counts().get(PainTheme.PIJN).read()).as("the body height is no record").isEqualTo(7);
            ObjectNode i = f.indicators(PainTheme.THEME, 2025);
            assertThat(i.get("measurements").asInt()).isEqualTo(6);
            assertThat(i.get("patients").asInt()).isEqualTo(4);
            // needing action: NRS 4, VAS10 7, LOINC NRS 8, FLACC 6, COMFORT 17 (not PAINAD 3)
            assertThat(i.get("painShare").decimalValue()).isEqualByComparingTo("0.8333");
            // severe over NRS/VAS: VAS10 7 and NRS 8 of three
            assertThat(i.get("severePainShare").decimalValue()).isEqualByComparingTo("0.6667");
            assertThat(i.at("/vulnerable/measurements").asInt()).as("FLACC, COMFORT, PAINAD").isEqualTo(3);
            assertThat(i.at("/followUpWithin60Share").decimalValue()).as("m1 followed by m2 after 30 minutes")
                    .isEqualByComparingTo("0.2");
        }
    }

    @Test
    void valuesAreWholeOrDecimalAsTheScaleSaysAndWithinItsRange() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            deliver(f,
                    painScore("m1", "Patient/p1", AT, "VAS100", null).remove("valueInteger")
                            .put("valueQuantity", null),
                    painScore("m2", "Patient/p1", AT, "NRS", 4.5),
                    painScore("m3", "Patient/p1", AT, "NRS", 11),
                    painScore("m4", "Patient/p1", AT, "NRS", -1));
            FhirJson vas = painScore("m5", "Patient/p1", AT, "VAS100", null).remove("valueInteger");
            vas.node().putObject("valueQuantity").put("value", new java.math.BigDecimal("45.5")).put("unit", "mm");
            FhirJson exponent = painScore("m6", "Patient/p1", AT, "NRS", null).remove("valueInteger");
            exponent.node().putObject("valueQuantity").put("value", new java.math.BigDecimal("4.0E0"));
            deliver(f, vas, exponent);
            assertThat(rejections(f)).containsExactly("1 MISSING_FIELD value", "2 UNPARSABLE value", "3 OUT_OF_RANGE value",
                    "4 OUT_OF_RANGE value");
            assertThat(f.indicators(PainTheme.THEME, 2025).get("measurements").asInt()).isEqualTo(2);
            assertThat(f.indicators(PainTheme.THEME, 2025).get("painShare").decimalValue()).as("45.5 ≥ 40 and 4 ≥ 4")
                    .isEqualByComparingTo("1");
        }
    }

    @Test
    void scalesAreMatchedOnSystemAndCode() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            deliver(f,
                    painScore("m1", "Patient/p1", AT, "NRS", 4).remove("method"),
                    painScore("m2", "Patient/p1", AT, "PAINAD", 4),
                    painScore("m3", "Patient/p1", AT, "NRS", 4).remove("method").coding("method", "http://example.org", "NRS"),
                    painScore("m4", "Patient/p1", AT, "XYZ", 4).remove("method").coding("method", HUB_PAIN_SCALE, "XYZ"),
                    resource("Observation", "m5").put("status", "final").coding("code", "http://example.org/sct", "225908003")
                            .ref("subject", "Patient/p1").put("effectiveDateTime", AT).put("valueInteger", 4));
            assertThat(rejections(f)).containsExactly("1 UNKNOWN_SCALE scale", "2 UNKNOWN_SCALE scale", "3 UNKNOWN_SCALE scale",
                    "4 UNKNOWN_SCALE scale");
            assertThat(f.rejections()).allSatisfy(r -> assertThat(r.resourceType()).isEqualTo("Observation"));
        }
    }

    @Test
    void aTimeNeedsItsOffsetAndAMeasurementATime() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            deliver(f,
                    painScore("m1", "Patient/p1", "2025-05-01T08:00:00", "NRS", 4),
                    painScore("m2", "Patient/p1", "2025-05-01", "NRS", 4),
                    painScore("m3", "Patient/p1", "2025-05", "NRS", 4),
                    painScore("m4", "Patient/p1", "2025-02-30T08:00:00+01:00", "NRS", 4),
                    painScore("m5", "Patient/p1", null, "NRS", 4).remove("effectiveDateTime"),
                    painScore("m6", "Patient/p1", null, "NRS", 4).remove("effectiveDateTime").period("effectivePeriod",
                            "2025-12-31T23:30:00Z", null),
                    painScore("m7", null, AT, "NRS", 4).remove("subject"),
                    painScore("m8", "Group/g1", AT, "NRS", 4),
                    painScore("m9", "#contained", AT, "NRS", 4));
            assertThat(rejections(f)).containsExactly("1 UNPARSABLE measured_at", "2 UNPARSABLE measured_at",
                    "3 UNPARSABLE measured_at", "4 UNPARSABLE measured_at", "5 MISSING_FIELD measured_at",
                    "7 MISSING_FIELD patient_id", "8 UNRESOLVED_REFERENCE patient_id", "9 UNRESOLVED_REFERENCE patient_id");
            assertThat(f.indicators(PainTheme.THEME, 2026).get("measurements").asInt())
                    .as("effectivePeriod.start, 00:30 on 1 January in Amsterdam").isEqualTo(1);
        }
    }

    @Test
    void aPatientIsTheSameHoweverItsReferenceIsWritten() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            deliver(f, painScore("m1", "Patient/p1", AT, "NRS", 5),
                    painScore("m2", "https://ehr.example/fhir/Patient/p1", "2025-05-01T08:20:00+02:00", "NRS", 5),
                    painScore("m3", "Patient/p1/_history/4", "2025-05-01T08:40:00+02:00", "NRS", 5));
            ObjectNode i = f.indicators(PainTheme.THEME, 2025);
            assertThat(i.get("patients").asInt()).isEqualTo(1);
            assertThat(i.get("followUpWithin60Share").decimalValue()).isEqualByComparingTo("0.6667");
        }
    }

    @Test
    void theStatusDecidesWhetherItIsARecordAndEnteredInErrorRemovesIt() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            deliver(f,
                    painScore("m1", "Patient/p1", AT, "NRS", 5),
                    painScore("m2", "Patient/p1", AT, "NRS", 5).put("status", "amended"),
                    painScore("m3", "Patient/p1", AT, "NRS", 5).put("status", "corrected"),
                    painScore("m4", "Patient/p1", AT, "NRS", 5).put("status", "preliminary"),
                    painScore("m5", "Patient/p1", AT, "NRS", 5).put("status", "registered"),
                    painScore("m6", "Patient/p1", AT, "NRS", 5).put("status", "cancelled"),
                    painScore("m7", "Patient/p1", AT, "NRS", 5).put("status", "unknown"),
                    painScore("m8", "Patient/p1", AT, "NRS", 5).remove("status"),
                    painScore("m9", "Patient/p1", AT, "NRS", 5).put("status", "final-ish"));
            assertThat(rejections(f)).containsExactly("8 MISSING_FIELD status", "9 UNPARSABLE status");
            assertThat(f.indicators(PainTheme.THEME, 2025).get("measurements").asInt()).isEqualTo(3);
            ExtractCommit c = deliver(f, painScore("m2", "Patient/p1", AT, "NRS", 5).put("status", "entered-in-error"));
            assertThat(c.report().removed()).isEqualTo(1);
            assertThat(c.counts()).as("a removal is no record read").isEmpty();
            assertThat(f.indicators(PainTheme.THEME, 2025).get("measurements").asInt()).isEqualTo(2);
        }
    }

    @Test
    void theRecordIdIsTheIdentifierElseTheResourceIdAndALaterVersionReplaces() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            deliver(f, painScore("a", "Patient/p1", AT, "NRS", 9).identifier("urn:oid:1.2.3", "M-1"),
                    painScore("b", "Patient/p1", AT, "NRS", 2));
            deliver(f, painScore("c", "Patient/p1", AT, "NRS", 1).identifier("urn:oid:1.2.3", "M-1"),
                    painScore("b", "Patient/p1", AT, "NRS", 3));
            ObjectNode i = f.indicators(PainTheme.THEME, 2025);
            assertThat(i.get("measurements").asInt()).as("M-1 and Observation/b, each corrected").isEqualTo(2);
            assertThat(i.get("painShare").decimalValue()).isEqualByComparingTo("0");
        }
    }
}
