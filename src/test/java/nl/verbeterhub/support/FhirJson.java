package nl.verbeterhub.support;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import nl.verbeterhub.json.HubJson;

/**
 * FHIR R4 resources for tests, built as JSON the way domain.md §6 maps them: presets for each row of the
 * mapping table, and small setters to bend them (another status, a date only, a missing element). Writes
 * NDJSON files and Bundles.
 */
public final class FhirJson {

    public static final String SNOMED = "http://snomed.info/sct";
    public static final String LOINC = "http://loinc.org";
    public static final String PAIN_METHOD = "urn:oid:2.16.840.1.113883.2.4.3.11.60.40.4.9.1";
    public static final String HUB_PAIN_SCALE = "http://verbeterhub.nl/fhir/CodeSystem/pain-scale";
    public static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    public static final String ACT_PRIORITY = "http://terminology.hl7.org/CodeSystem/v3-ActPriority";
    public static final String INTAKE_KIND = "http://verbeterhub.nl/fhir/CodeSystem/intake-kind";
    public static final String VBI_SCORE = "http://verbeterhub.nl/fhir/StructureDefinition/vbi-score";
    public static final String BSN = "http://fhir.nl/fhir/NamingSystem/bsn";

    private final ObjectNode node;

    private FhirJson(ObjectNode node) {
        this.node = node;
    }

    public static FhirJson resource(String type, String id) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("resourceType", type);
        if (id != null) n.put("id", id);
        return new FhirJson(n);
    }

    // --- presets, one per row of domain.md §6 ---

    /** nl-core-PainScore: SNOMED 225908003 with its method (NRS, VAS10, VAS100) in the nl-core system. */
    public static FhirJson painScore(String id, String patient, String at, String method, Number value) {
        return resource("Observation", id).put("status", "final").coding("code", SNOMED, "225908003")
                .coding("method", PAIN_METHOD, method).ref("subject", patient).put("effectiveDateTime", at)
                .put("valueInteger", value);
    }

    /** An observation scale by its own code: FLACC {@code 108291000146105}, COMFORT {@code 108301000146109}. */
    public static FhirJson observationScale(String id, String patient, String at, String snomed, Number value) {
        return resource("Observation", id).put("status", "final").coding("code", SNOMED, snomed).ref("subject", patient)
                .put("effectiveDateTime", at).put("valueInteger", value);
    }

    public static FhirJson vbi(String id, String patient, String code, String start, String end) {
        FhirJson r = resource("Procedure", id).put("status", "completed").coding("category", SNOMED, "225317005")
                .ref("subject", patient);
        if (code != null) r.coding("code", SNOMED, code);
        return r.period("performedPeriod", start, end);
    }

    public static FhirJson admission(String id, String patient, String start, String end) {
        return resource("Encounter", id).put("status", "finished").codingObject("class", ACT_CODE, "IMP")
                .ref("subject", patient).period("period", start, end);
    }

    /** An encounter an anaesthesia procedure refers to; priority EM or UR makes it urgent. */
    public static FhirJson encounter(String id, String patient, String priority) {
        FhirJson r = resource("Encounter", id).put("status", "finished").codingObject("class", ACT_CODE, "AMB")
                .ref("subject", patient);
        if (priority != null) r.coding("priority", ACT_PRIORITY, priority);
        return r;
    }

    public static FhirJson anaesthesia(String id, String patient, String encounter, String induction) {
        FhirJson r = resource("Procedure", id).put("status", "completed").coding("code", SNOMED, "399097000")
                .ref("subject", patient).put("performedDateTime", induction);
        if (encounter != null) r.ref("encounter", encounter);
        return r;
    }

    /** A last intake (LOINC 67517-3 plus an intake-kind coding) part of an anaesthesia procedure. */
    public static FhirJson intake(String id, String procedure, String kind, String at) {
        FhirJson r = resource("Observation", id).put("status", "final").coding("code", LOINC, "67517-3")
                .coding("code", INTAKE_KIND, kind);
        ArrayNode partOf = r.node.putArray("partOf");
        partOf.addObject().put("reference", procedure);
        if (at != null) r.put("valueDateTime", at);
        return r;
    }

    public static FhirJson patient(String id, String birthDate) {
        FhirJson r = resource("Patient", id);
        if (birthDate != null) r.put("birthDate", birthDate);
        return r;
    }

    // --- setters ---

    public FhirJson put(String field, Object value) {
        if (value == null) node.remove(field);
        else if (value instanceof Integer i) node.put(field, i);
        else if (value instanceof Long l) node.put(field, l);
        else if (value instanceof Double d) node.put(field, d);
        else if (value instanceof java.math.BigDecimal b) node.put(field, b);
        else node.put(field, value.toString());
        return this;
    }

    public FhirJson remove(String field) {
        node.remove(field);
        return this;
    }

    /** Adds a coding to the CodeableConcept {@code field}. */
    public FhirJson coding(String field, String system, String code) {
        ObjectNode concept = node.has(field) ? (ObjectNode) node.get(field) : node.putObject(field);
        ArrayNode codings = concept.has("coding") ? (ArrayNode) concept.get("coding") : concept.putArray("coding");
        codings.addObject().put("system", system).put("code", code);
        return this;
    }

    /** A Coding (not a CodeableConcept), as Encounter.class is. */
    public FhirJson codingObject(String field, String system, String code) {
        node.putObject(field).put("system", system).put("code", code);
        return this;
    }

    public FhirJson ref(String field, String reference) {
        if (reference == null) node.remove(field);
        else node.putObject(field).put("reference", reference);
        return this;
    }

    public FhirJson period(String field, String start, String end) {
        ObjectNode p = node.putObject(field);
        if (start != null) p.put("start", start);
        if (end != null) p.put("end", end);
        return this;
    }

    public FhirJson identifier(String system, String value) {
        ArrayNode ids = node.has("identifier") ? (ArrayNode) node.get("identifier") : node.putArray("identifier");
        ids.addObject().put("system", system).put("value", value);
        return this;
    }

    public FhirJson profile(String url) {
        ObjectNode meta = node.has("meta") ? (ObjectNode) node.get("meta") : node.putObject("meta");
        (meta.has("profile") ? (ArrayNode) meta.get("profile") : meta.putArray("profile")).add(url);
        return this;
    }

    public FhirJson extension(String url, Object value) {
        ArrayNode ext = node.has("extension") ? (ArrayNode) node.get("extension") : node.putArray("extension");
        ObjectNode e = ext.addObject().put("url", url);
        if (value instanceof Integer i) e.put("valueInteger", i);
        else if (value != null) e.put("valueString", value.toString());
        return this;
    }

    public ObjectNode node() {
        return node;
    }

    public String json() {
        try {
            return HubJson.MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- files ---

    /** One resource per line. */
    public static Path ndjson(Path file, FhirJson... resources) {
        return lines(file, List.of(resources).stream().map(FhirJson::json).toList());
    }

    /** Lines as given: resources, or whatever a test needs between them. */
    public static Path lines(Path file, List<String> lines) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, lines.stream().collect(Collectors.joining("\n", "", "\n")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Bundle entry: a resource under a fullUrl, with a request method (for transaction and batch) or without. */
    public record Entry(String fullUrl, String method, String url, FhirJson resource) {
        public static Entry of(String fullUrl, FhirJson resource) {
            return new Entry(fullUrl, null, null, resource);
        }
    }

    public static Path bundle(Path file, String type, Entry... entries) {
        ObjectNode b = JsonNodeFactory.instance.objectNode();
        b.put("resourceType", "Bundle").put("type", type);
        ArrayNode array = b.putArray("entry");
        for (Entry e : entries) {
            ObjectNode entry = array.addObject();
            if (e.fullUrl() != null) entry.put("fullUrl", e.fullUrl());
            if (e.resource() != null) entry.set("resource", e.resource().node());
            if (e.method() != null) entry.putObject("request").put("method", e.method()).put("url", e.url());
        }
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, HubJson.MAPPER.writeValueAsString(b), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
