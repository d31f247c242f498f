package nl.verbeterhub.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import nl.verbeterhub.connector.SourceSettings;
import nl.verbeterhub.extract.ExtractCommit;
import nl.verbeterhub.support.FhirJson;
import nl.verbeterhub.support.Fixture;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.diagnostiek.DiagnostiekTheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DIAGNOSTIEK from FHIR (themes.md §3.3): themes.md §3.6's worked example as a bulk export gives what
 * {@code samples/uitslagen.csv} gives, and nothing unless the connector lists the theme; both readers agree on
 * it. The joins, statuses and rejections are in {@link FhirDiagnostiekJoinsTests}.
 */
class FhirDiagnostiekTests {

    static final String V2_0074 = "http://terminology.hl7.org/CodeSystem/v2-0074";
    static final String INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
    static final String FOLLOWUP = "http://verbeterhub.nl/fhir/CodeSystem/result-followup";
    static final String RESULT_IDS = "http://ziekenhuis.example/uitslagnummer";
    static final SourceSettings.Fhir LISTED = SourceSettings.Fhir.DEFAULTS.withThemes(Set.of(DiagnostiekTheme.THEME));

    @TempDir
    Path dir;

    /** Numbers compare by value (themes.md §0.3): 0.6 equals 0.60. */
    private static final Comparator<JsonNode> BY_VALUE = (a, b) ->
            a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

    @Test
    void theWorkedExampleAsABulkExportGivesWhatItsCsvGives() throws Exception {
        Path export = workedExample(dir.resolve("export"));
        try (Fixture csv = new Fixture(Files.createDirectories(dir.resolve("csv")));
             Fixture fhir = new Fixture(Files.createDirectories(dir.resolve("fhir")))) {
            csv.deliver("csv", Files.readString(Path.of("samples/uitslagen.csv")));
            ExtractCommit commit = fhir.deliverFhir("fhir", LISTED, export);
            assertThat(csv.rejections()).isEmpty();
            assertThat(fhir.rejections()).isEmpty();
            assertThat(commit.counts().get(DiagnostiekTheme.DIAGNOSTIEK).read()).as("registered, cancelled: no records")
                    .isEqualTo(6);
            ObjectNode expected = csv.draft(DiagnostiekTheme.THEME, 2026);
            ObjectNode actual = fhir.draft(DiagnostiekTheme.THEME, 2026);
            assertThat(actual.get("indicators")).isEqualTo(expected.get("indicators"));
            for (String part : List.of("/period", "/pdca", "/dataQuality/recordsRead", "/dataQuality/recordsAccepted",
                    "/dataQuality/recordsRejected")) {
                assertThat(actual.at(part)).as(part).isEqualTo(expected.at(part));
            }
            assertThat(fhir.drafts(DiagnostiekTheme.THEME)).hasSize(1);
            // themes.md §3.6, as written there.
            JsonNode published = new ObjectMapper().readTree("""
                    {"results": 6, "patients": 4,
                     "byDiscipline": {"lab": 3, "radiology": 1, "pathology": 1, "other": 0, "unknown": 1},
                     "acknowledgedOnTimeShare": 0.6,
                     "ackMinutes": {"median": 90, "p90": 56100},
                     "lostResults": 2, "lostResultShare": 0.4,
                     "criticalResults": 2, "criticalNotifiedOnTimeShare": 0.5,
                     "observedUntil": "2026-04-20T10:00:00+02:00"}""");
            assertThat(actual.get("indicators").equals(BY_VALUE, published)).as(actual.get("indicators").toString())
                    .isTrue();
            assertThat(actual.at("/pdca/check").asText()).isEqualTo("In 2026 zijn 6 uitslagen geregistreerd; op tijd "
                    + "gezien: 60,0%; kritieke uitslagen binnen 60 minuten gemeld: 50,0%.");
        }
    }

    @Test
    void withoutTheThemeListedReportsAreCountedButGiveNoRecord() throws Exception {
        Path export = workedExample(dir.resolve("export"));
        try (Fixture f = new Fixture(dir)) {
            ExtractCommit commit = f.deliverFhir("fhir", export);
            assertThat(f.rejections()).isEmpty();
            for (Theme theme : Theme.values()) assertThat(f.drafts(theme)).as(theme.name()).isEmpty();
            assertThat(commit.delivered(DiagnostiekTheme.DIAGNOSTIEK)).isFalse();
            assertThat(commit.report().resourcesRead()).containsEntry("DiagnosticReport", 8L)
                    .containsEntry("ServiceRequest", 2L).containsEntry("Observation", 4L).containsEntry("Task", 5L);
            assertThat(commit.report().unparsable()).isZero();
        }
    }

    @Test
    void bothReadersReadTheWorkedExampleAlike() throws Exception {
        Path export = workedExample(dir.resolve("export"));
        ReaderComparison readers = new ReaderComparison(Files.createDirectories(dir.resolve("work")));
        assertThat(readers.sameResources(export)).isEqualTo(ReaderComparison.lines(export));
        ReaderComparison.Outcome listed = readers.sameExtract(export, LISTED);
        assertThat(listed.rejections()).isEmpty();
        assertThat(listed.puts()).isEqualTo(6);
        assertThat(listed.accepted(DiagnostiekTheme.DIAGNOSTIEK, "R1", "R2", "R3", "R4", "R5", "R6")).isTrue();
        assertThat(listed.accepted(DiagnostiekTheme.DIAGNOSTIEK, "R7")).isFalse();
        assertThat(readers.sameExtract(export, SourceSettings.Fhir.DEFAULTS).puts()).isZero();
    }

    // --- builders (R4 JSON; repeating elements as arrays) ---

    /** A final report with its result number; {@code refs} go to basedOn (ServiceRequest/…) or result. */
    static FhirJson report(String id, String resultId, String patient, String issued, String category, String... refs) {
        FhirJson r = FhirJson.resource("DiagnosticReport", id).put("status", "final").coding("code", FhirJson.LOINC,
                "11502-2").ref("subject", patient).put("issued", issued);
        if (resultId != null) r.identifier(RESULT_IDS, resultId);
        if (category != null) category(r, V2_0074, category);
        for (String ref : refs) refs(r, ref.startsWith("ServiceRequest/") ? "basedOn" : "result", ref);
        return r;
    }

    /** One more CodeableConcept in {@code category}. */
    static FhirJson category(FhirJson r, String system, String code) {
        ArrayNode categories = r.node().has("category") ? (ArrayNode) r.node().get("category")
                : r.node().putArray("category");
        categories.addObject().putArray("coding").addObject().put("system", system).put("code", code);
        return r;
    }

    /** References added to a repeating Reference element ({@code basedOn}, {@code result}). */
    static FhirJson refs(FhirJson r, String field, String... references) {
        ArrayNode list = r.node().has(field) ? (ArrayNode) r.node().get(field) : r.node().putArray(field);
        for (String reference : references) list.addObject().put("reference", reference);
        return r;
    }

    static FhirJson serviceRequest(String id, String priority) {
        return FhirJson.resource("ServiceRequest", id).put("status", "active").put("intent", "order")
                .put("priority", priority).coding("code", FhirJson.LOINC, "24323-8").ref("subject", "Patient/P1");
    }

    /** A final lab Observation with one interpretation coding. */
    static FhirJson observation(String id, String system, String interpretation) {
        FhirJson o = FhirJson.resource("Observation", id).put("status", "final").coding("code", FhirJson.LOINC, "2823-3");
        o.node().putArray("interpretation").addObject().putArray("coding").addObject().put("system", system)
                .put("code", interpretation);
        return o;
    }

    /** A completed follow-up Task ({@code acknowledged} or {@code critical-notified}) on a report; end may be null. */
    static FhirJson task(String id, String focus, String followup, String end) {
        FhirJson t = FhirJson.resource("Task", id).put("status", "completed").put("intent", "order")
                .coding("code", FOLLOWUP, followup).ref("focus", focus);
        return end == null ? t : t.period("executionPeriod", null, end);
    }

    /**
     * themes.md §3.6 as a bulk export. R2 is urgent by its second request (stat) and critical by its second
     * Observation (HH); R3 critical by {@code ll}; R6's {@code AA} is of another system and its request is not in
     * the extract. R4 is amended, R5 preliminary; a registered and a cancelled report are no records.
     */
    static Path workedExample(Path export) {
        FhirJson.ndjson(export.resolve("DiagnosticReport.ndjson"),
                report("dr1", "R1", "Patient/P1", "2026-03-02T10:00:00+01:00", "LAB", "ServiceRequest/s1", "Observation/o1"),
                report("dr2", "R2", "Patient/P1", "2026-03-02T11:00:00+01:00", "CH", "ServiceRequest/s1",
                        "ServiceRequest/s2", "Observation/o1", "Observation/o2"),
                category(category(report("dr3", "R3", "Patient/P2", "2026-03-05T14:00:00+01:00", null,
                        "Observation/o3"), FhirJson.LOINC, "LP29684-5"), V2_0074, "RAD"),
                report("dr4", "R4", "Patient/P3", "2026-03-06T09:00:00+01:00", "PAT").put("status", "amended"),
                report("dr5", "R5", "Patient/P4", "2026-03-10T08:00:00+01:00", null).put("status", "preliminary"),
                report("dr6", "R6", "Patient/P2", "2026-04-20T10:00:00+02:00", "HM", "ServiceRequest/elsewhere",
                        "Observation/o6"),
                report("dr7", "R7", "Patient/P5", "2026-04-21T10:00:00+02:00", "LAB").put("status", "registered"),
                report("dr8", "R8", "Patient/P5", "2026-04-21T10:00:00+02:00", "LAB").put("status", "cancelled"));
        FhirJson.ndjson(export.resolve("ServiceRequest.ndjson"), serviceRequest("s1", "routine"),
                serviceRequest("s2", "stat"));
        FhirJson.ndjson(export.resolve("Observation.ndjson"), observation("o1", INTERPRETATION, "N"),
                observation("o2", INTERPRETATION, "HH"), observation("o3", INTERPRETATION, "ll"),
                observation("o6", "http://ziekenhuis.example/vlaggen", "AA"));
        FhirJson.ndjson(export.resolve("Task.ndjson"),
                task("t1", "DiagnosticReport/dr1", "acknowledged", "2026-03-09T10:00:59+01:00"),
                task("t2", "DiagnosticReport/dr2", "acknowledged", "2026-03-02T12:30:00+01:00"),
                task("t3", "DiagnosticReport/dr2", "critical-notified", "2026-03-02T10:45:00Z"),
                task("t4", "DiagnosticReport/dr3", "acknowledged", "2026-03-05T15:01:00+01:00"),
                task("t5", "DiagnosticReport/dr4", "acknowledged", "2026-04-14T09:00:00+02:00"));
        return export;
    }
}
