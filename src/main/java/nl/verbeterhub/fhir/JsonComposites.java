package nl.verbeterhub.fhir;

import static nl.verbeterhub.fhir.JsonElements.codings;
import static nl.verbeterhub.fhir.JsonElements.nonEmpty;
import static nl.verbeterhub.fhir.JsonElements.scalar;
import static nl.verbeterhub.fhir.JsonElements.systemAnd;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link JsonResourceReader} reads beyond {@link JsonElements}' data types: the hub's extensions (with
 * the periprocedural one's sub-extensions) and a MeasureReport's populations, into what {@link Extensions}
 * makes of them for both readers alike.
 */
final class JsonComposites {

    private JsonComposites() {
    }

    /** MeasureReport.group: the populations of the first group only (a month is one indicator). */
    static void firstGroup(JsonParser p, JsonToken t, FhirResource r) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        boolean first = true;
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            if (!first || e != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            first = false;
            String name;
            while ((name = p.nextFieldName()) != null) {
                JsonToken v = p.nextToken();
                if (name.equals("population") && v == JsonToken.START_ARRAY) {
                    for (JsonToken q = p.nextToken(); q != JsonToken.END_ARRAY; q = p.nextToken()) population(p, q, r);
                } else {
                    p.skipChildren();
                }
            }
        }
    }

    /** One population: each coding of its code, with its count. */
    private static void population(JsonParser p, JsonToken t, FhirResource r) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        Codings code = new Codings();
        String count = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            if (name.equals("code")) codings(p, v, code);
            else if (name.equals("count")) count = scalar(p, v);
            else p.skipChildren();
        }
        Extensions.population(r, code, count);
    }

    /** The hub's extensions: the VBI score (its valueInteger), the periprocedural anticoagulation (its sub-extensions). */
    static void extensions(JsonParser p, JsonToken t, FhirResource r) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            if (e != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            String url = null;
            String integer = null;
            List<Extensions.Value> subs = java.util.List.of();
            String name;
            while ((name = p.nextFieldName()) != null) {
                JsonToken v = p.nextToken();
                switch (name) {
                    case "url" -> url = scalar(p, v);
                    case "valueInteger" -> integer = scalar(p, v);
                    case "extension" -> subs = subExtensions(p, v);
                    default -> p.skipChildren();
                }
            }
            Extensions.apply(r, url, integer, subs);
        }
    }

    /** Sub-extensions as (url, value): a Coding's system and code, or a primitive value's text. */
    private static List<Extensions.Value> subExtensions(JsonParser p, JsonToken t) throws IOException {
        List<Extensions.Value> subs = new ArrayList<>(6);
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            return subs;
        }
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            if (e != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            String url = null;
            String system = null;
            String value = null;
            boolean unreadable = false;
            String name;
            while ((name = p.nextFieldName()) != null) {
                JsonToken v = p.nextToken();
                if (name.equals("url")) {
                    url = scalar(p, v);
                } else if (name.equals("valueCoding")) {
                    String[] pair = systemAnd(p, v, "code");
                    if (pair != null) {
                        system = nonEmpty(pair[0]);
                        value = nonEmpty(pair[1]);
                    }
                } else if (name.startsWith("value")) {
                    unreadable = v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY;
                    value = nonEmpty(scalar(p, v)); // HAPI reads an empty primitive as no value
                } else {
                    p.skipChildren();
                }
            }
            subs.add(new Extensions.Value(url, system, value, unreadable));
        }
        return subs;
    }
}
