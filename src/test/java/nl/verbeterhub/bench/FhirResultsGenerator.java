package nl.verbeterhub.bench;

import static nl.verbeterhub.bench.FhirElements.coding;
import static nl.verbeterhub.bench.FhirElements.subject;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.SplittableRandom;

/**
 * DIAGNOSTIEK as a bulk export (themes.md §3.3), for {@link FhirExportGenerator}: per result a
 * DiagnosticReport with its ServiceRequest ({@code basedOn}), its result Observation and the follow-up Tasks
 * that focus on it — four resource types whose joins the hub makes in its join store.
 */
final class FhirResultsGenerator {

    private static final String LOINC = "http://loinc.org";
    private static final String V2_0074 = "http://terminology.hl7.org/CodeSystem/v2-0074";
    private static final String INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
    private static final String FOLLOWUP = "http://verbeterhub.nl/fhir/CodeSystem/result-followup";
    private static final String[] CATEGORIES = {"LAB", "LAB", "CH", "HM", "MB", "RAD", "CT", "SP", "XRAY", null};

    private final FhirExportGenerator out;
    private final SplittableRandom random;

    FhirResultsGenerator(FhirExportGenerator out, SplittableRandom random) {
        this.out = out;
        this.random = random;
    }

    /** One result; about one in a hundred is {@code bad} (issued as a date only: {@code UNPARSABLE}). */
    void result(long i, String patient, LocalDateTime at, boolean bad) throws IOException {
        boolean urgent = random.nextInt(6) == 0;
        boolean critical = random.nextInt(20) == 0;
        JsonGenerator g = out.resource("ServiceRequest", "ServiceRequest", "S" + i, null);
        g.writeStringField("status", "active");
        g.writeStringField("intent", "order");
        g.writeStringField("priority", urgent ? "urgent" : "routine");
        subject(g, patient);
        out.end(g);

        g = out.resource("Observation", "Observation", "L" + i, null);
        g.writeStringField("status", "final");
        coding(g, "code", LOINC, "2345-7");
        subject(g, patient);
        g.writeStringField("effectiveDateTime", FhirExportGenerator.instant(at.minusMinutes(30)));
        g.writeArrayFieldStart("interpretation");
        g.writeStartObject();
        g.writeArrayFieldStart("coding");
        FhirElements.codingEntry(g, INTERPRETATION, critical ? "HH" : "N");
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        out.end(g);

        g = out.resource("DiagnosticReport", "DiagnosticReport", "R" + i, null);
        g.writeStringField("status", "final");
        String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
        if (category != null) {
            g.writeArrayFieldStart("category");
            g.writeStartObject();
            g.writeArrayFieldStart("coding");
            FhirElements.codingEntry(g, V2_0074, category);
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
        }
        coding(g, "code", LOINC, "11502-2");
        subject(g, patient);
        g.writeStringField("issued", bad ? at.toLocalDate().toString() : FhirExportGenerator.instant(at));
        reference(g, "basedOn", "ServiceRequest/S" + i);
        reference(g, "result", "Observation/L" + i);
        out.end(g);

        if (random.nextInt(10) != 0) task("A" + i, "acknowledged", i, at.plusMinutes(random.nextInt(20_000)));
        if (critical && random.nextInt(5) != 0) task("C" + i, "critical-notified", i, at.plusMinutes(random.nextInt(120)));
    }

    private void task(String id, String followup, long report, LocalDateTime end) throws IOException {
        JsonGenerator g = out.resource("Task", "Task", id, null);
        g.writeStringField("status", "completed");
        g.writeStringField("intent", "order");
        coding(g, "code", FOLLOWUP, followup);
        g.writeObjectFieldStart("focus");
        g.writeStringField("reference", "DiagnosticReport/R" + report);
        g.writeEndObject();
        g.writeObjectFieldStart("executionPeriod");
        g.writeStringField("end", FhirExportGenerator.instant(end));
        g.writeEndObject();
        out.end(g);
    }

    private static void reference(JsonGenerator g, String field, String reference) throws IOException {
        g.writeArrayFieldStart(field);
        g.writeStartObject();
        g.writeStringField("reference", reference);
        g.writeEndObject();
        g.writeEndArray();
    }
}
