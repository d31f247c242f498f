package nl.verbeterhub.fhir;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.List;

/**
 * The FHIR data types {@link JsonResourceReader} reads, one method each, straight from Jackson's
 * tokens: primitives, CodeableConcepts and Codings, Identifiers, References, Periods, Quantities, the
 * hub's score extension. Whatever else an element holds is skipped unread.
 */
final class JsonElements {

    private JsonElements() {
    }

    /** A primitive's text (a number as written, without exponent); null for null, an object or an array. */
    static String scalar(JsonParser p, JsonToken t) throws IOException {
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

    static void meta(JsonParser p, JsonToken t, List<String> profiles) throws IOException {
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

    static void identifiers(JsonParser p, JsonToken t, Codings into) throws IOException {
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
    static String[] systemAnd(JsonParser p, JsonToken t, String other) throws IOException {
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
    static void codings(JsonParser p, JsonToken t, Codings into) throws IOException {
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
    static String nonEmpty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    static void subject(JsonParser p, JsonToken t, FhirResource r) throws IOException {
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

    /** One scalar field of an object (a Reference's {@code reference}, a Quantity's {@code value}), or null. */
    static String field(JsonParser p, JsonToken t, String field) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        String value = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            if (name.equals(field)) value = scalar(p, v);
            else p.skipChildren();
        }
        return value;
    }

    static void references(JsonParser p, JsonToken t, List<String> into) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            String reference = field(p, e, "reference");
            if (reference != null) into.add(reference);
        }
    }

    /** A Period's start and end (each null when absent). */
    static String[] period(JsonParser p, JsonToken t) throws IOException {
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

    /** Reads one element's tokens (its first token given). */
    @FunctionalInterface
    interface ElementReader {
        void read(JsonParser p, JsonToken t) throws IOException;
    }

    /**
     * One field of an object, read by {@code reader}, the rest skipped: Encounter.hospitalization's
     * dischargeDisposition, DocumentReference.context's encounter list.
     */
    static void inObject(JsonParser p, JsonToken t, String field, ElementReader reader) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            if (name.equals(field)) reader.read(p, v);
            else p.skipChildren();
        }
    }
}
