package nl.verbeterhub.fhir;

import static nl.verbeterhub.support.FhirJson.ACT_CODE;
import static nl.verbeterhub.support.FhirJson.BSN;
import static nl.verbeterhub.support.FhirJson.HUB_PAIN_SCALE;
import static nl.verbeterhub.support.FhirJson.LOINC;
import static nl.verbeterhub.support.FhirJson.SNOMED;
import static nl.verbeterhub.support.FhirJson.VBI_SCORE;
import static nl.verbeterhub.support.FhirJson.admission;
import static nl.verbeterhub.support.FhirJson.anaesthesia;
import static nl.verbeterhub.support.FhirJson.encounter;
import static nl.verbeterhub.support.FhirJson.intake;
import static nl.verbeterhub.support.FhirJson.observationScale;
import static nl.verbeterhub.support.FhirJson.painScore;
import static nl.verbeterhub.support.FhirJson.patient;
import static nl.verbeterhub.support.FhirJson.resource;
import static nl.verbeterhub.support.FhirJson.vbi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.verbeterhub.support.FhirJson;

/**
 * A hand-made bulk export of what the two FHIR readers must read alike: values, profiles, statuses of every
 * kind, dates of every precision, every form of reference, identifiers, the VBI score extension, missing
 * elements. All of it valid R4 JSON; see {@link FhirReadersTests} for what is left out and why.
 */
final class FhirReaderEdgeCases {

    static final String AT = "2025-05-01T08:00:00+02:00";
    static final String LATER = "2025-05-01T10:30:00+02:00";
    private static final String NUMBER = "\"@number@\"";
    private static final String ZIB2024_CLASS = "urn:oid:2.16.840.1.113883.2.4.3.11.60.40.4.29.1";
    private static final String VBI_PROFILE = "http://nictiz.nl/fhir/StructureDefinition/nl-core-FreedomRestrictingIntervention";
    private static final String HOSPITAL_IDS = "urn:oid:2.16.528.1.1007.3.3.1234567.1";
    private static final String HEAVY = "123961000146106";

    private FhirReaderEdgeCases() {
    }

    /** Writes the export into {@code dir}: a file per resource type and one of mixed types. */
    static Path write(Path dir) {
        FhirJson.lines(dir.resolve("Observation.ndjson"), observations());
        FhirJson.lines(dir.resolve("Procedure.ndjson"), procedures());
        FhirJson.lines(dir.resolve("Encounter.ndjson"), encounters());
        FhirJson.lines(dir.resolve("Patient.ndjson"), patients());
        FhirJson.lines(dir.resolve("Mixed.ndjson"), mixed());
        return dir;
    }

    /** A valueQuantity whose value is written exactly as given (JSON numbers lose their form in a tree). */
    private static String quantity(FhirJson r, String number) {
        r.remove("valueInteger").node().putObject("valueQuantity").put("value", "@number@").put("unit", "{score}");
        return r.json().replace(NUMBER, number);
    }

    private static List<String> observations() {
        List<String> lines = new ArrayList<>();
        // values: an integer as quantity, decimals kept as written, an exponent, a fraction on a whole-number scale
        lines.add(quantity(painScore("q1", "Patient/1", AT, "NRS", null), "4"));
        lines.add(quantity(painScore("q2", "Patient/1", AT, "VAS10", null), "4.50"));
        lines.add(quantity(painScore("q3", "Patient/1", AT, "VAS100", null), "1e1"));
        lines.add(quantity(painScore("q4", "Patient/1", AT, "VAS100", null), "4.5E1"));
        lines.add(quantity(painScore("q5", "Patient/1", AT, "NRS", null), "4.5"));
        lines.add(painScore("q7", "Patient/1", AT, "NRS", 11).json());
        lines.add(painScore("q8", "Patient/1", AT, "NRS", null).json());
        // statuses: every one of the value set, and one outside it
        for (String status : List.of("registered", "preliminary", "final", "amended", "corrected", "cancelled",
                "entered-in-error", "unknown", "done")) {
            lines.add(painScore("s-" + status, "Patient/1", AT, "NRS", 3).put("status", status).json());
        }
        lines.add(painScore("q1", "Patient/1", AT, "NRS", 3).put("status", "entered-in-error").json());
        lines.add(painScore("s-missing", "Patient/1", AT, "NRS", 3).remove("status").json());
        // dates: with fractions and offsets, an instant, a period; date-only, year-month and year-only (unparsable here)
        lines.add(painScore("d1", "Patient/1", "2025-05-01T06:00:00.123456Z", "NRS", 3).json());
        lines.add(painScore("d2", "Patient/1", "2025-10-26T02:30:00+01:00", "NRS", 3).json());
        lines.add(painScore("d3", "Patient/1", null, "NRS", 3).remove("effectiveDateTime")
                .put("effectiveInstant", "2025-05-01T06:00:00Z").json());
        lines.add(painScore("d4", "Patient/1", null, "NRS", 3).remove("effectiveDateTime")
                .period("effectivePeriod", AT, LATER).json());
        lines.add(painScore("d5", "Patient/1", "2025-05-01", "NRS", 3).json());
        lines.add(painScore("d6", "Patient/1", "2025-05", "NRS", 3).json());
        lines.add(painScore("d7", "Patient/1", "2025", "NRS", 3).json());
        lines.add(painScore("p1", "Patient/1", "2025-05-01T08:00:00", "NRS", 3).json());
        lines.add(painScore("p2", "Patient/1", "2025-02-31T08:00:00+01:00", "NRS", 3).json());
        lines.add(painScore("p3", "Patient/1", "2025-05-01T24:00:00+02:00", "NRS", 3).json());
        lines.add(painScore("d8", "Patient/1", null, "NRS", 3).remove("effectiveDateTime").json());
        // references: absolute, versioned, contained, conditional, logical, another type, a URN, none
        lines.add(painScore("r1", "http://x/fhir/Patient/1", AT, "NRS", 3).json());
        lines.add(painScore("r2", "Patient/1/_history/2", AT, "NRS", 3).json());
        FhirJson contained = painScore("r3", "#p", AT, "NRS", 3);
        contained.node().putArray("contained").addObject().put("resourceType", "Patient").put("id", "p");
        lines.add(contained.json());
        lines.add(painScore("r4", "Patient?identifier=a|b", AT, "NRS", 3).json());
        FhirJson logical = painScore("r5", null, AT, "NRS", 3);
        logical.node().putObject("subject").putObject("identifier").put("system", BSN).put("value", "999911120");
        lines.add(logical.json());
        FhirJson noSystem = painScore("r6", null, AT, "NRS", 3);
        noSystem.node().putObject("subject").putObject("identifier").put("value", "12345");
        lines.add(noSystem.json());
        lines.add(painScore("r7", "Group/1", AT, "NRS", 3).json());
        lines.add(painScore("r8", "urn:uuid:9d4e4f4c-3b0a-4b8e-9d3c-1f2a3b4c5d6e", AT, "NRS", 3).json());
        lines.add(painScore("r9", null, AT, "NRS", 3).json());
        // identifiers: with and without system, a blank value first, several
        lines.add(painScore("i1", "Patient/1", AT, "NRS", 3).identifier(HOSPITAL_IDS, "M-1").json());
        FhirJson versioned = painScore("i4", "Patient/1", AT, "NRS", 3);
        versioned.node().putObject("meta").put("versionId", "3").put("lastUpdated", "2025-05-02T08:00:00+02:00");
        versioned.node().putObject("_status").putArray("extension").addObject()
                .put("url", "http://example.org/why").put("valueString", "checked");
        lines.add(versioned.json());
        FhirJson bare = painScore("i2", "Patient/1", AT, "NRS", 3);
        bare.node().putArray("identifier").addObject().put("value", "M-2");
        lines.add(bare.json());
        lines.add(painScore("i3", "Patient/1", AT, "NRS", 3).identifier(HOSPITAL_IDS, " ").identifier(BSN, "M-3").json());
        lines.add(painScore(null, "Patient/1", AT, "NRS", 3).json());
        // codes: a versioned profile, text beside codings, the hub's scale system, an unknown method, the scales
        lines.add(painScore("c1", "Patient/2", AT, "NRS", 5)
                .profile("http://nictiz.nl/fhir/StructureDefinition/nl-core-PainScore|2.0.0").json());
        FhirJson text = painScore("c2", "Patient/2", AT, "NRS", 5);
        ((ObjectNode) text.node().get("code")).put("text", "pijnscore");
        lines.add(text.json());
        lines.add(painScore("c3", "Patient/2", AT, "PAINAD", 4).remove("method").coding("method", HUB_PAIN_SCALE, "PAINAD").json());
        lines.add(painScore("c4", "Patient/2", AT, "NRS", 4).remove("method").coding("method", HUB_PAIN_SCALE, "NOPE").json());
        lines.add(painScore("c5", "Patient/2", AT, "NRS", 4).remove("method").json());
        lines.add(observationScale("c6", "Patient/2", AT, "108291000146105", 6).json());
        lines.add(observationScale("c7", "Patient/2", AT, "108301000146109", 17)
                .coding("category", "http://terminology.hl7.org/CodeSystem/observation-category", "survey").json());
        lines.add(resource("Observation", "c8").put("status", "final").coding("code", LOINC, "72514-3")
                .ref("subject", "Patient/2").put("effectiveDateTime", AT).put("valueInteger", 2).json());
        lines.add(resource("Observation", "c9").put("status", "final").coding("code", LOINC, "8302-2").json());
        // intakes of the anaesthesia procedures in Procedure.ndjson
        lines.add(intake("k1", "Procedure/n1", "solid", "2025-05-01T01:00:00+02:00").json());
        lines.add(intake("k2", "http://x/fhir/Procedure/n1", "clear-fluid", "2025-05-01T07:30:00+02:00").json());
        lines.add(intake("k3", "Procedure/n1/_history/1", "breast-milk", "2025-05-01T04:00:00+02:00").json());
        lines.add(intake("k4", "Procedure/n2", "clear-fluid", "2025-05-01").json());
        lines.add(intake("k5", "Procedure/n3", "solid", null).json());
        return lines;
    }

    private static List<String> procedures() {
        List<String> lines = new ArrayList<>();
        for (String status : List.of("preparation", "in-progress", "not-done", "on-hold", "stopped", "completed",
                "entered-in-error", "unknown", "done")) {
            lines.add(vbi("v-" + status, "Patient/1", HEAVY, AT, LATER).put("status", status).json());
        }
        lines.add(vbi("v-missing", "Patient/1", HEAVY, AT, LATER).remove("status").json());
        // recognised by zib2024's category, by a versioned profile alone; scored by the extension or not at all
        lines.add(vbi("v1", "Patient/1", "123931000146102", AT, null).remove("category")
                .coding("category", SNOMED, "225214000").json());
        lines.add(vbi("v2", "Patient/1", "121401000146101", AT, LATER).remove("category")
                .profile(VBI_PROFILE + "|2.0.0").json());
        lines.add(vbi("v3", "Patient/1", "29211000146107", AT, LATER).extension(VBI_SCORE, 3).json());
        lines.add(vbi("v4", "Patient/1", HEAVY, AT, LATER).extension("http://example.org/other", 1).extension(VBI_SCORE, 9).json());
        lines.add(vbi("v5", "Patient/1", HEAVY, AT, LATER).extension(VBI_SCORE, "5").json());
        lines.add(vbi("v6", "Patient/1", "29211000146107", AT, LATER).json());
        FhirJson textOnly = vbi("v7", "Patient/1", null, AT, LATER);
        textOnly.node().putObject("code").put("text", "onrustband");
        lines.add(textOnly.json());
        lines.add(vbi("v8", "Patient/1", null, AT, LATER).json());
        // a coding with a display only, an empty text, an empty code: all read as no intervention named
        FhirJson displayOnly = vbi("v8b", "Patient/1", null, AT, LATER);
        displayOnly.node().putObject("code").putArray("coding").addObject().put("display", "onrustband");
        lines.add(displayOnly.json());
        FhirJson emptyText = vbi("v8c", "Patient/1", null, AT, LATER);
        emptyText.node().putObject("code").put("text", "");
        lines.add(emptyText.json());
        FhirJson emptyCode = vbi("v8d", "Patient/1", null, AT, LATER);
        emptyCode.node().putObject("code").putArray("coding").addObject().put("system", SNOMED).put("code", "");
        lines.add(emptyCode.json());
        // dates: performedDateTime, date-only and year-only periods, an end before its start, none
        lines.add(vbi("v9", "Patient/1", HEAVY, null, null).remove("performedPeriod").put("performedDateTime", AT).json());
        lines.add(vbi("v10", "Patient/1", HEAVY, "2025-05-01", "2025-05-01").json());
        lines.add(vbi("v11", "Patient/1", HEAVY, "2025-05-02", "2025-05-01").json());
        lines.add(vbi("v12", "Patient/1", HEAVY, "2025", null).json());
        lines.add(vbi("v12b", "Patient/1", HEAVY, "2025-13-01", null).json());
        lines.add(vbi("v13", "Patient/1", HEAVY, LATER, AT).json());
        lines.add(vbi("v14", "Patient/1", HEAVY, null, null).remove("performedPeriod").json());
        lines.add(vbi("v15", "http://x/fhir/Patient/1/_history/7", HEAVY, AT, LATER).identifier(HOSPITAL_IDS, "VBI-15").json());
        // anaesthesia: joined with intakes, encounters and patients
        lines.add(anaesthesia("n1", "Patient/c1", "Encounter/e1", null).remove("performedDateTime")
                .period("performedPeriod", AT, LATER).json());
        lines.add(anaesthesia("n2", "http://x/fhir/Patient/c2", "http://x/fhir/Encounter/e2", AT).coding("code", SNOMED, "50697003").json());
        lines.add(anaesthesia("n3", "Patient/c3/_history/1", "Encounter/e-absent", AT).json());
        lines.add(anaesthesia("n4", "Patient/c-absent", null, AT).json());
        lines.add(anaesthesia("n5", "Patient/c1", "Encounter/e1", "2025-05-01").json());
        lines.add(anaesthesia("n6", "#p", null, AT).json());
        lines.add(anaesthesia("n7", "Group/1", null, AT).json());
        lines.add(vbi("v16", "Patient/1", HEAVY, null, null).remove("performedPeriod").put("performedString", "gisteren").json());
        return lines;
    }

    private static List<String> encounters() {
        List<String> lines = new ArrayList<>();
        for (String status : List.of("planned", "arrived", "triaged", "in-progress", "onleave", "finished", "cancelled",
                "entered-in-error", "unknown", "done")) {
            lines.add(admission("a-" + status, "Patient/1", AT, LATER).put("status", status).json());
        }
        lines.add(admission("a-missing", "Patient/1", AT, LATER).remove("status").json());
        lines.add(admission("a1", "Patient/1", AT, null).codingObject("class", ACT_CODE, "ACUTE").json());
        lines.add(admission("a2", "Patient/1", "2025-05-01", "2025-05-03").codingObject("class", ACT_CODE, "NONAC").json());
        lines.add(admission("a3", "Patient/1", AT, LATER).codingObject("class", ZIB2024_CLASS, "TA").json());
        lines.add(admission("a4", "Patient/1", AT, LATER).codingObject("class", ZIB2024_CLASS, "PA").json());
        lines.add(admission("a5", "Patient/1", "2025", null).identifier(HOSPITAL_IDS, "OPN-5").json());
        lines.add(admission("a6", "Patient/1", LATER, AT).json());
        lines.add(admission("a7", "Patient/1", null, null).remove("period").json());
        lines.add(admission("a8", "Patient/1", AT, LATER).remove("class").json());
        lines.add(encounter("e1", "Patient/c1", "EM").json());
        lines.add(encounter("e2", "Patient/c2", "R").json());
        return lines;
    }

    private static List<String> patients() {
        FhirJson noSystem = patient("c5", "2020-01-01").put("deceasedBoolean", false);
        noSystem.node().putArray("identifier").addObject().put("value", "12");
        return List.of(patient("c1", "2019-03-04").identifier(BSN, "999911120").json(),
                patient("c2", "2015").json(),
                patient("c3", "2015-03").json(),
                patient("c4", null).json(),
                noSystem.json());
    }

    /** A file of several types, as a hand-made export may be, with what is no resource or no record between them. */
    private static List<String> mixed() {
        return List.of(resource("Condition", "x1").json(),
                vbi("m-v1", "Patient/1", HEAVY, AT, LATER).json(),
                resource("Organization", "x2").put("name", "Ziekenhuis").json(),
                painScore("m-o1", "Patient/1", AT, "NRS", 6).json(),
                "{\"resourceType\":\"Observation\",\"id\":\"cut\",\"status\":",
                "{\"resourceType\":\"Alien\",\"id\":\"x3\"}",
                "[]",
                patient("m-p1", "2010-10-10").json(),
                anaesthesia("m-n1", "Patient/m-p1", null, AT).json());
    }
}
