package nl.verbeterhub.fhir;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.List;
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
            case "priority" -> codings(p, t, r.priority);
            case "class" -> codings(p, t, r.encounterClass);
            case "subject" -> subject(p, t, r);
            case "encounter" -> r.encounterReference = reference(p, t);
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
            case "valueQuantity" -> r.valueQuantity = quantityValue(p, t);
            case "valueDateTime" -> r.valueDateTime = scalar(p, t);
            case "extension" -> extensions(p, t, r);
            case "birthDate" -> r.birthDate = scalar(p, t);
            default -> p.skipChildren();
        }
    }

    /** A primitive's text (a number as written, without exponent); null for null, an object or an array. */
    private static String scalar(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_STRING, VALUE_TRUE, VALUE_FALSE -> p.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> Numbers.plain(p.getText());
            case START_OBJECT, START_ARRAY -> {
                p.skipChildren();
                yield null;
            }
            default -> null;
        };
    }

    private static void meta(JsonParser p, JsonToken t, List<String> profiles) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            if (name.equals("profile") && v == JsonToken.START_ARRAY) {
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    String profile = scalar(p, e);
                    if (profile != null) profiles.add(profile);
                }
            } else {
                p.skipChildren();
            }
        }
    }

    private static void identifiers(JsonParser p, JsonToken t, Codings into) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            String[] pair = systemAnd(p, e, "value");
            if (pair != null) into.add(pair[0], pair[1]);
        }
    }

    /** {@code system} and another field of an object (an Identifier's value), or null for no object. */
    private static String[] systemAnd(JsonParser p, JsonToken t, String other) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        String[] pair = new String[2];
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            if (name.equals("system")) pair[0] = scalar(p, v);
            else if (name.equals(other)) pair[1] = scalar(p, v);
            else p.skipChildren();
        }
        return pair;
    }

    /**
     * A CodeableConcept (its {@code coding} and whether it has {@code text}), a list of them, or a lone
     * Coding (Encounter.class; tolerated where a CodeableConcept belongs).
     */
    private static void codings(JsonParser p, JsonToken t, Codings into) throws IOException {
        if (t == JsonToken.START_ARRAY) {
            for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) codings(p, e, into);
            return;
        }
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        String system = null;
        String code = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "coding" -> codings(p, v, into);
                case "text" -> {
                    // An empty text is none, as HAPI reads it.
                    into.text |= v == JsonToken.VALUE_STRING && p.getTextLength() > 0;
                    p.skipChildren();
                }
                case "system" -> system = nonEmpty(scalar(p, v));
                case "code" -> code = nonEmpty(scalar(p, v));
                default -> p.skipChildren();
            }
        }
        // A coding with neither (a display only) names nothing: not a coding, in both readers.
        if (system != null || code != null) into.add(system, code);
    }

    /** HAPI reads an empty primitive as no value; so does this reader. */
    private static String nonEmpty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static void subject(JsonParser p, JsonToken t, FhirResource r) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            if (name.equals("reference")) {
                r.subjectReference = scalar(p, v);
            } else if (name.equals("identifier")) {
                String[] pair = systemAnd(p, v, "value");
                if (pair != null) {
                    r.subjectIdentifierSystem = pair[0];
                    r.subjectIdentifierValue = pair[1];
                }
            } else {
                p.skipChildren();
            }
        }
    }

    /** A Reference's {@code reference}, or null. */
    private static String reference(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        String reference = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            if (name.equals("reference")) reference = scalar(p, v);
            else p.skipChildren();
        }
        return reference;
    }

    private static void references(JsonParser p, JsonToken t, List<String> into) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            String reference = reference(p, e);
            if (reference != null) into.add(reference);
        }
    }

    /** A Period's start and end (each null when absent). */
    private static String[] period(JsonParser p, JsonToken t) throws IOException {
        String[] period = new String[2];
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return period;
        }
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            if (name.equals("start")) period[0] = scalar(p, v);
            else if (name.equals("end")) period[1] = scalar(p, v);
            else p.skipChildren();
        }
        return period;
    }

    private static String quantityValue(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        String value = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            if (name.equals("value")) value = scalar(p, v);
            else p.skipChildren();
        }
        return value;
    }

    /** Only the hub's VBI score extension is read: its url, then its valueInteger. */
    private static void extensions(JsonParser p, JsonToken t, FhirResource r) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            String[] pair = urlAndInteger(p, e);
            if (pair != null && Codes.VBI_SCORE_EXTENSION.equals(pair[0]) && !r.vbiScoreExtension) {
                r.vbiScoreExtension = true;
                r.vbiScore = pair[1];
            }
        }
    }

    private static String[] urlAndInteger(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        String[] pair = new String[2];
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            if (name.equals("url")) pair[0] = scalar(p, v);
            else if (name.equals("valueInteger")) pair[1] = scalar(p, v);
            else p.skipChildren();
        }
        return pair;
    }
}
