package nl.verbeterhub.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** The few FHIR R4 elements {@link FhirExportGenerator} writes, straight onto a Jackson generator. */
final class FhirElements {

    private static final String NL_CORE = "http://nictiz.nl/fhir/StructureDefinition/";

    private FhirElements() {
    }

    /** {@code meta.profile} with one nl-core profile. */
    static void profile(JsonGenerator g, String profile) throws IOException {
        g.writeObjectFieldStart("meta");
        g.writeArrayFieldStart("profile");
        g.writeString(NL_CORE + profile);
        g.writeEndArray();
        g.writeEndObject();
    }

    /** A CodeableConcept with one coding (Procedure.category included: 0..1 in R4). */
    static void coding(JsonGenerator g, String field, String system, String code) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeArrayFieldStart("coding");
        codingEntry(g, system, code);
        g.writeEndArray();
        g.writeEndObject();
    }

    static void codingEntry(JsonGenerator g, String system, String code) throws IOException {
        g.writeStartObject();
        g.writeStringField("system", system);
        g.writeStringField("code", code);
        g.writeEndObject();
    }

    static void subject(JsonGenerator g, String patient) throws IOException {
        g.writeObjectFieldStart("subject");
        g.writeStringField("reference", "Patient/" + patient);
        g.writeEndObject();
    }
}
