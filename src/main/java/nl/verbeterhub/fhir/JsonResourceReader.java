package nl.verbeterhub.fhir;

import static nl.verbeterhub.fhir.JsonComposites.extensions;
import static nl.verbeterhub.fhir.JsonComposites.firstGroup;
import static nl.verbeterhub.fhir.JsonElements.codings;
import static nl.verbeterhub.fhir.JsonElements.field;
import static nl.verbeterhub.fhir.JsonElements.identifiers;
import static nl.verbeterhub.fhir.JsonElements.inObject;
import static nl.verbeterhub.fhir.JsonElements.meta;
import static nl.verbeterhub.fhir.JsonElements.period;
import static nl.verbeterhub.fhir.JsonElements.references;
import static nl.verbeterhub.fhir.JsonElements.scalar;
import static nl.verbeterhub.fhir.JsonElements.subject;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads the elements {@link FhirResource} holds straight from a resource's JSON with Jackson's streaming
 * parser, skipping everything else unread (narratives, displays, notes are never even decoded). HAPI's
 * full parse into its model costs several times more (docs/benchmarks.md); {@code FhirReadersTests} runs
 * both over the same resources and requires identical records and rejections.
 */
final class JsonResourceReader {

    /** What became of one resource's JSON. */
    enum Outcome {
        /** Read whole into the resource. */
        RESOURCE,
        /** A resource of a type this pass does not handle; only {@code resourceType} was read. */
        SKIPPED,
        /** No parsable resource: malformed JSON, no object, no known {@code resourceType}. */
        UNPARSABLE
    }

    private final JsonFactory json = new JsonFactory();
    private final Set<String> resourceTypes;

    /** @param resourceTypes the names of R4's resource types; any other {@code resourceType} is no resource */
    JsonResourceReader(Set<String> resourceTypes) {
        this.resourceTypes = resourceTypes;
    }

    Outcome read(byte[] bytes, int offset, int length, Predicate<String> wanted, FhirResource into) {
        into.clear();
        try (JsonParser p = json.createParser(bytes, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return Outcome.UNPARSABLE;
            String name;
            while ((name = p.nextFieldName()) != null) {
                JsonToken t = p.nextToken();
                if (name.equals("resourceType")) {
                    if (t != JsonToken.VALUE_STRING || !resourceTypes.contains(p.getText())) return Outcome.UNPARSABLE;
                    into.resourceType = p.getText();
                    if (!wanted.test(into.resourceType)) return Outcome.SKIPPED;
                } else {
                    element(p, t, name, into);
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null || into.resourceType == null) {
                return Outcome.UNPARSABLE;
            }
            return wanted.test(into.resourceType) ? Outcome.RESOURCE : Outcome.SKIPPED;
        } catch (IOException e) {
            // Malformed JSON, bytes that are no UTF-8, nesting past Jackson's limits: never its message (it quotes the input).
            return Outcome.UNPARSABLE;
        }
    }

    private static void element(JsonParser p, JsonToken t, String name, FhirResource r) throws IOException {
        switch (name) {
            case "id" -> r.id = scalar(p, t);
            case "meta" -> meta(p, t, r.profiles);
            case "identifier" -> identifiers(p, t, r.identifiers);
            case "status" -> r.status = scalar(p, t);
            case "code" -> codings(p, t, r.code);
            case "method" -> codings(p, t, r.method);
            case "category" -> codings(p, t, r.category);
            case "priority" -> {
                // A code on ServiceRequest and Task, a CodeableConcept on Encounter.
                if (t == JsonToken.VALUE_STRING) r.priorityCode = scalar(p, t);
                else codings(p, t, r.priority);
            }
            case "class" -> codings(p, t, r.encounterClass);
            case "subject" -> subject(p, t, r);
            case "encounter" -> r.encounterReference = field(p, t, "reference");
            case "partOf" -> references(p, t, r.partOf);
            case "effectiveDateTime", "effectiveInstant" -> r.effectiveDateTime = scalar(p, t);
            case "effectivePeriod" -> r.effectivePeriodStart = period(p, t)[0];
            case "performedDateTime" -> r.performedDateTime = scalar(p, t);
            case "performedPeriod" -> {
                String[] period = period(p, t);
                r.performedPeriodStart = period[0];
                r.performedPeriodEnd = period[1];
            }
            case "period" -> {
                String[] period = period(p, t);
                r.periodStart = period[0];
                r.periodEnd = period[1];
            }
            case "valueInteger" -> r.valueInteger = scalar(p, t);
            case "valueQuantity" -> r.valueQuantity = field(p, t, "value");
            case "valueDateTime" -> r.valueDateTime = scalar(p, t);
            case "extension" -> extensions(p, t, r);
            case "birthDate" -> r.birthDate = scalar(p, t);
            case "issued" -> r.issued = scalar(p, t);
            case "basedOn" -> references(p, t, r.basedOn);
            case "result" -> references(p, t, r.results);
            case "interpretation" -> codings(p, t, r.interpretation);
            case "focus" -> r.focusReference = field(p, t, "reference");
            case "executionPeriod" -> r.executionPeriodEnd = period(p, t)[1];
            case "hospitalization" -> inObject(p, t, "dischargeDisposition", (q, v) -> codings(q, v, r.dischargeDisposition));
            case "context" -> inObject(p, t, "encounter", (q, v) -> references(q, v, r.contextEncounters));
            case "type" -> {
                // A code on MeasureReport, a CodeableConcept (or a list of them) elsewhere.
                if (t == JsonToken.VALUE_STRING) r.typeCode = scalar(p, t);
                else codings(p, t, r.type);
            }
            case "date" -> r.date = scalar(p, t);
            case "measure" -> r.measure = scalar(p, t);
            case "group" -> firstGroup(p, t, r);
            default -> p.skipChildren();
        }
    }
}
