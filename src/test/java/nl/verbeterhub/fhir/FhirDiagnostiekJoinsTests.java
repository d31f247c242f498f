package nl.verbeterhub.fhir;

import static nl.verbeterhub.fhir.FhirDiagnostiekTests.LISTED;
import static nl.verbeterhub.fhir.FhirDiagnostiekTests.observation;
import static nl.verbeterhub.fhir.FhirDiagnostiekTests.refs;
import static nl.verbeterhub.fhir.FhirDiagnostiekTests.report;
import static nl.verbeterhub.fhir.FhirDiagnostiekTests.serviceRequest;
import static nl.verbeterhub.fhir.FhirDiagnostiekTests.task;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import nl.verbeterhub.extract.ExtractCommit;
import nl.verbeterhub.support.FhirJson;
import nl.verbeterhub.support.FhirJson.Entry;
import nl.verbeterhub.support.Fixture;
import nl.verbeterhub.theme.diagnostiek.DiagnostiekTheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DIAGNOSTIEK joins of themes.md §3.3 (requests, Observations, Tasks; references not in the extract are
 * ignored), its statuses (themes.md §0.6) and its rejections in contract order (§3.2), each with its field.
 */
class FhirDiagnostiekJoinsTests {

    private static final String T0 = "2026-06-01T10:00:00+02:00";
    private static final String INTERPRETATION = FhirDiagnostiekTests.INTERPRETATION;

    @TempDir
    Path dir;

    /** 2026's indicators of one delivery of these files with DIAGNOSTIEK listed, in a store of its own. */
    private ObjectNode indicators(String name, Path... files) throws Exception {
        try (Fixture f = new Fixture(Files.createDirectories(dir.resolve(name + "-store")))) {
            f.deliverFhir("fhir", LISTED, files);
            assertThat(f.rejections()).as(name).isEmpty();
            return f.indicators(DiagnostiekTheme.THEME, 2026);
        }
    }

    private static String at(int minutes) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.parse(T0).plusMinutes(minutes));
    }

    @Test
    void referencesNotInTheExtractLeaveAReportRoutineNotCriticalAndUnseen() throws Exception {
        Path export = dir.resolve("absent");
        // a: its request, Observation and Tasks are elsewhere. b, 2000 minutes later, sets observedUntil.
        FhirJson.ndjson(export.resolve("DiagnosticReport.ndjson"),
                report("a", null, "Patient/p1", T0, "LAB", "ServiceRequest/gone", "Observation/gone"),
                report("b", null, "Patient/p2", at(2000), "LAB"));
        FhirJson.ndjson(export.resolve("Task.ndjson"), task("t1", "DiagnosticReport/gone", "acknowledged", at(5)),
                task("t2", "DiagnosticReport/b", "acknowledged", at(2010)));
        ObjectNode i = indicators("absent", export);
        assertThat(i.get("results").asInt()).isEqualTo(2);
        assertThat(i.get("criticalResults").asInt()).isZero();
        assertThat(i.get("criticalNotifiedOnTimeShare").isNull()).isTrue();
        assertThat(i.get("ackMinutes").toString()).as("a unseen").isEqualTo("{\"median\":10,\"p90\":10}");
        // a is pending at 2000 minutes as a routine result (urgent: late, and the share 0.5).
        assertThat(i.get("acknowledgedOnTimeShare").decimalValue()).isEqualByComparingTo("1");
    }

    /** Urgent when any request it is based on is urgent, asap or stat: then seen within 1440 minutes. */
    @Test
    void anyUrgentRequestMakesTheReportUrgent() throws Exception {
        Path export = dir.resolve("urgency");
        FhirJson.ndjson(export.resolve("DiagnosticReport.ndjson"),
                report("u1", null, "Patient/p1", T0, "LAB", "ServiceRequest/routine", "ServiceRequest/asap"),
                report("u2", null, "Patient/p2", T0, "LAB", "ServiceRequest/routine"),
                report("u3", null, "Patient/p3", T0, "LAB", "ServiceRequest/in-error"),
                report("u4", null, "Patient/p4", T0, "LAB", "ServiceRequest/stat"));
        FhirJson.ndjson(export.resolve("ServiceRequest.ndjson"), serviceRequest("routine", "routine"),
                serviceRequest("asap", "asap"), serviceRequest("stat", "stat"),
                serviceRequest("in-error", "urgent").put("status", "entered-in-error"));
        FhirJson.ndjson(export.resolve("Task.ndjson"), task("t1", "DiagnosticReport/u1", "acknowledged", at(1441)),
                task("t2", "DiagnosticReport/u2", "acknowledged", at(1441)),
                task("t3", "DiagnosticReport/u3", "acknowledged", at(1441)),
                task("t4", "DiagnosticReport/u4", "acknowledged", at(1440)));
        ObjectNode i = indicators("urgency", export);
        assertThat(i.get("acknowledgedOnTimeShare").decimalValue()).as("u1 late").isEqualByComparingTo("0.75");
    }

    @Test
    void theEarliestCompletedFollowUpCountsPerCode() throws Exception {
        Path export = dir.resolve("tasks");
        FhirJson.ndjson(export.resolve("DiagnosticReport.ndjson"),
                report("c1", null, "Patient/p1", T0, "LAB", "Observation/crit"),
                report("c2", null, "Patient/p2", T0, "LAB", "Observation/crit"));
        FhirJson.ndjson(export.resolve("Observation.ndjson"), observation("crit", INTERPRETATION, "HH"));
        FhirJson.ndjson(export.resolve("Task.ndjson"),
                task("a1", "DiagnosticReport/c1", "acknowledged", at(90)),
                task("a2", "DiagnosticReport/c1", "acknowledged", at(70)),
                task("a3", "DiagnosticReport/c1", "acknowledged", at(5)).put("status", "in-progress"),
                task("a4", "DiagnosticReport/c1", "acknowledged", at(1)).remove("code")
                        .coding("code", "http://ziekenhuis.example/taken", "acknowledged"),
                task("a5", "ServiceRequest/c1", "acknowledged", at(2)),
                task("n1", "DiagnosticReport/c2", "critical-notified", at(65)),
                task("n2", "DiagnosticReport/c2", "critical-notified", at(55)),
                task("n3", "DiagnosticReport/c1", "critical-notified", at(3)).put("status", "failed"),
                task("n4", "DiagnosticReport/c1", "critical-notified", at(4)).put("status", "entered-in-error"));
        ObjectNode i = indicators("tasks", export);
        assertThat(i.get("ackMinutes").toString()).isEqualTo("{\"median\":70,\"p90\":70}");
        assertThat(i.get("criticalResults").asInt()).isEqualTo(2);
        // c1 passed on at 70 (late), c2 notified at 55 (on time).
        assertThat(i.get("criticalNotifiedOnTimeShare").decimalValue()).isEqualByComparingTo("0.5");
    }

    @Test
    void urnReferencesInABundleResolveWhateverTheEntryOrder() throws Exception {
        String reportUrn = "urn:uuid:2b9e6d8e-3c3a-4c1e-9f7b-000000000001";
        String request = "urn:uuid:2b9e6d8e-3c3a-4c1e-9f7b-000000000002";
        String critical = "urn:uuid:2b9e6d8e-3c3a-4c1e-9f7b-000000000003";
        Path bundle = FhirJson.bundle(dir.resolve("bundle.json"), "collection",
                Entry.of("urn:uuid:2b9e6d8e-3c3a-4c1e-9f7b-000000000004", task(null, reportUrn, "acknowledged", at(1500))),
                Entry.of("urn:uuid:2b9e6d8e-3c3a-4c1e-9f7b-000000000005", task(null, reportUrn, "critical-notified", at(10))),
                Entry.of(reportUrn, refs(refs(report(null, "J5", "Patient/p5", T0, "MB"), "basedOn", request), "result",
                        critical)),
                Entry.of(request, serviceRequest(null, "urgent")),
                Entry.of(critical, observation(null, INTERPRETATION, "LL")));
        ObjectNode i = indicators("bundle", bundle);
        assertThat(i.get("ackMinutes").toString()).isEqualTo("{\"median\":1500,\"p90\":1500}");
        assertThat(i.get("acknowledgedOnTimeShare").decimalValue()).as("urgent: 1500 > 1440").isEqualByComparingTo("0");
        assertThat(i.get("criticalResults").asInt()).isEqualTo(1);
        assertThat(i.get("criticalNotifiedOnTimeShare").decimalValue()).isEqualByComparingTo("1");
        assertThat(i.at("/byDiscipline/lab").asInt()).isEqualTo(1);
    }

    /** themes.md §3.2: required fields, then values in table order; the status before any of them. */
    static Path rejected(Path export) {
        FhirJson.ndjson(export.resolve("DiagnosticReport.ndjson"),
                report("e1", null, "Patient/p1", null, "LAB"),
                report("e2", null, null, null, "LAB"),
                report("e3", null, "Patient/p1", "2026-06-01", "LAB"),
                report("e4", null, "Patient/p1", T0, "LAB"),
                report("e5", null, "Patient/p1", T0, "LAB"),
                report("e6", null, "Patient/p1", T0, "LAB"),
                report("e7", null, "Patient/p1", T0, "LAB"),
                report("e8", null, "Patient/p1", T0, "LAB").remove("status"),
                report("e9", null, "Patient/p1", T0, "LAB").put("status", "done"),
                report("e10", null, "Patient/p1", "2026-06-01T10:00:00", "LAB"),
                report("e11", null, "Patient/p1", "2026-06", "LAB"),
                report("ok1", null, "Patient/p1", T0, "XRAY").put("status", "partial"),
                report("ok2", null, "Patient/p1", T0, "SP").put("status", "corrected"),
                report("ok3", null, "Patient/p1", T0, "CT").put("status", "appended"),
                report("ok4", null, "Patient/p1", "2026-06-01T10:00+02:00", "LAB"),
                report("no1", null, "Patient/p1", T0, "LAB").put("status", "unknown"),
                report(null, null, "Patient/p1", null, "LAB"));
        FhirJson.ndjson(export.resolve("Task.ndjson"),
                task("d1", "DiagnosticReport/e1", "acknowledged", "2026-06-01"),
                task("d3", "DiagnosticReport/e3", "acknowledged", "2026-06-01"),
                task("d4", "DiagnosticReport/e4", "acknowledged", "2026-06-01"),
                task("d5a", "DiagnosticReport/e5", "critical-notified", "2026-06-01"),
                task("d5b", "DiagnosticReport/e5", "acknowledged", "2026-06-01"),
                task("d6", "DiagnosticReport/e6", "critical-notified", null),
                task("d7a", "DiagnosticReport/e7", "acknowledged", at(10)),
                task("d7b", "DiagnosticReport/e7", "acknowledged", "2026-06-02"));
        return export;
    }

    private static final List<String> REJECTIONS = List.of(
            "DiagnosticReport.ndjson line 1 MISSING_FIELD result_at",
            "DiagnosticReport.ndjson line 2 MISSING_FIELD patient_id",
            "DiagnosticReport.ndjson line 3 UNPARSABLE result_at",
            "DiagnosticReport.ndjson line 4 UNPARSABLE acknowledged_at",
            "DiagnosticReport.ndjson line 5 UNPARSABLE acknowledged_at",
            "DiagnosticReport.ndjson line 6 UNPARSABLE critical_notified_at",
            "DiagnosticReport.ndjson line 7 UNPARSABLE acknowledged_at",
            "DiagnosticReport.ndjson line 8 MISSING_FIELD status",
            "DiagnosticReport.ndjson line 9 UNPARSABLE status",
            "DiagnosticReport.ndjson line 10 UNPARSABLE result_at",
            "DiagnosticReport.ndjson line 11 UNPARSABLE result_at",
            "DiagnosticReport.ndjson line 17 MISSING_FIELD result_id");

    @Test
    void rejectionsComeInContractOrderWithTheirField() throws Exception {
        Path export = rejected(dir.resolve("rejected"));
        try (Fixture f = new Fixture(dir)) {
            ExtractCommit commit = f.deliverFhir("fhir", LISTED, export);
            assertThat(f.rejections().stream().map(r -> r.position() + " " + r.reason() + " " + r.field()))
                    .containsExactlyElementsOf(REJECTIONS);
            assertThat(f.rejections()).allSatisfy(r -> {
                assertThat(r.resourceType()).isEqualTo("DiagnosticReport");
                assertThat(r.recordType()).isEqualTo(DiagnostiekTheme.DIAGNOSTIEK);
            });
            assertThat(commit.counts().get(DiagnostiekTheme.DIAGNOSTIEK).accepted()).as("ok1..ok4").isEqualTo(4);
            ObjectNode i = f.indicators(DiagnostiekTheme.THEME, 2026);
            assertThat(i.at("/byDiscipline/other").asInt()).as("XRAY is no code of the table").isEqualTo(1);
            assertThat(i.at("/byDiscipline/pathology").asInt()).isEqualTo(1);
            assertThat(i.at("/byDiscipline/radiology").asInt()).isEqualTo(1);
        }
    }

    @Test
    void bothReadersRejectAlike() throws Exception {
        Path export = rejected(dir.resolve("rejected"));
        ReaderComparison readers = new ReaderComparison(Files.createDirectories(dir.resolve("work")));
        assertThat(readers.sameResources(export)).isEqualTo(ReaderComparison.lines(export));
        ReaderComparison.Outcome outcome = readers.sameExtract(export, LISTED);
        for (String expected : REJECTIONS) {
            String[] parts = expected.split(" ", 4);
            assertThat(outcome.rejection(parts[0], Long.parseLong(parts[2]))).as(expected).isEqualTo(parts[3]);
        }
    }

    @Test
    void enteredInErrorInALaterExtractRemovesTheEarlierRecord() throws Exception {
        Path first = FhirJson.ndjson(dir.resolve("first/DiagnosticReport.ndjson"),
                report("dr1", "R1", "Patient/p1", T0, "LAB"), report("dr2", "R2", "Patient/p2", at(60), "LAB"));
        Path second = FhirJson.ndjson(dir.resolve("second/DiagnosticReport.ndjson"),
                report("dr1", "R1", "Patient/p1", T0, "LAB").put("status", "entered-in-error"));
        try (Fixture f = new Fixture(dir)) {
            f.deliverFhir("fhir", LISTED, first.getParent());
            assertThat(f.indicators(DiagnostiekTheme.THEME, 2026).get("results").asInt()).isEqualTo(2);
            ExtractCommit commit = f.deliverFhir("fhir", LISTED, second.getParent());
            assertThat(f.rejections()).isEmpty();
            assertThat(commit.report().removed()).isEqualTo(1);
            ObjectNode i = f.indicators(DiagnostiekTheme.THEME, 2026);
            assertThat(i.get("results").asInt()).isEqualTo(1);
            assertThat(i.get("observedUntil").asText()).isEqualTo("2026-06-01T11:00:00+02:00");
            // A Bundle DELETE by identifier removes too.
            f.deliverFhir("fhir", LISTED, FhirJson.bundle(dir.resolve("delete.json"), "transaction", new Entry(null,
                    "DELETE", "DiagnosticReport?identifier=" + FhirDiagnostiekTests.RESULT_IDS + "|R2", null)));
            assertThat(f.drafts(DiagnostiekTheme.THEME)).isEmpty();
        }
    }
}
