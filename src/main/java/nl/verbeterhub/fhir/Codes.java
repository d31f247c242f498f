package nl.verbeterhub.fhir;

import java.util.Set;

/** The code systems, codes, profiles and extensions of domain.md §6. Codes are matched on system and code. */
final class Codes {

    static final String SNOMED = "http://snomed.info/sct";
    static final String LOINC = "http://loinc.org";

    /** Pain score (nl-core-PainScore), with its method in the nl-core system; LOINC 72514-3 is NRS. */
    static final String PAIN_SCORE = "225908003";
    static final String PAIN_METHOD = "urn:oid:2.16.840.1.113883.2.4.3.11.60.40.4.9.1";
    static final Set<String> PAIN_METHOD_CODES = Set.of("NRS", "VAS10", "VAS100");
    static final String NRS_LOINC = "72514-3";
    /** Scales without an nl-core code (PAINAD): the hub's own method system, codes as in the CSV scale column. */
    static final String HUB_PAIN_SCALE = "http://verbeterhub.nl/fhir/CodeSystem/pain-scale";
    static final String FLACC = "108291000146105";
    static final String COMFORT = "108301000146109";

    /** VBI: the category of nl-core-FreedomRestrictingIntervention (zib2020, zib2024), or the profile. */
    static final String VBI_CATEGORY_2020 = "225317005";
    static final String VBI_CATEGORY_2024 = "225214000";
    static final String VBI_PROFILE = "http://nictiz.nl/fhir/StructureDefinition/nl-core-FreedomRestrictingIntervention";
    static final String VBI_SCORE_EXTENSION = "http://verbeterhub.nl/fhir/StructureDefinition/vbi-score";

    /** Clinical admissions: Encounter.class. */
    static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    static final Set<String> ADMISSION_CLASSES = Set.of("IMP", "ACUTE", "NONAC");
    static final String ZIB2024_ENCOUNTER_CLASS = "urn:oid:2.16.840.1.113883.2.4.3.11.60.40.4.29.1";
    static final String ZIB2024_ADMISSION = "TA";

    /** Anaesthesia, its urgency (the Encounter's priority) and the last intakes before it. */
    static final Set<String> ANAESTHESIA = Set.of("399097000", "50697003");
    static final String ACT_PRIORITY = "http://terminology.hl7.org/CodeSystem/v3-ActPriority";
    static final Set<String> URGENT_PRIORITIES = Set.of("EM", "UR");
    static final String LAST_INTAKE = "67517-3";
    static final String INTAKE_KIND = "http://verbeterhub.nl/fhir/CodeSystem/intake-kind";

    /** The four further themes (themes.md §0.6, §1.3, §2.3, §3.3, §4.4). */
    static final String HUB = "http://verbeterhub.nl/fhir/";
    static final String VMS_DOMAIN = HUB + "CodeSystem/vms-domain";
    static final String TRANSFER_DOCUMENT = HUB + "CodeSystem/transfer-document";
    static final String ANTICOAGULANT_CLASS = HUB + "CodeSystem/anticoagulant-class";
    static final String RESULT_FOLLOWUP = HUB + "CodeSystem/result-followup";
    static final String PERIPROCEDURAL_EXTENSION = HUB + "StructureDefinition/periprocedural-anticoagulation";
    static final String ATC = "http://www.whocc.no/atc";
    static final String DISCHARGE_LETTER_LOINC = "18842-5";
    static final String V2_0074 = "http://terminology.hl7.org/CodeSystem/v2-0074";
    static final String INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
    static final String MEASURE_POPULATION = "http://terminology.hl7.org/CodeSystem/measure-population";
    static final Set<String> DIAGNOSTIC_REPORT_STATUSES = Set.of("registered", "partial", "preliminary", "final",
            "amended", "corrected", "appended", "cancelled", "entered-in-error", "unknown");
    static final Set<String> DIAGNOSTIC_REPORT_COUNTED = Set.of("partial", "preliminary", "final", "amended",
            "corrected", "appended");
    static final Set<String> DOCUMENT_REFERENCE_STATUSES = Set.of("current", "superseded", "entered-in-error");
    static final Set<String> TASK_STATUSES = Set.of("draft", "requested", "received", "accepted", "rejected", "ready",
            "cancelled", "in-progress", "on-hold", "failed", "completed", "entered-in-error");
    static final Set<String> SERVICE_REQUEST_STATUSES = Set.of("draft", "active", "on-hold", "revoked", "completed",
            "entered-in-error", "unknown");
    /** R4's, and entered-in-error: themes.md §0.6 makes it remove for every new resource type. */
    static final Set<String> MEASURE_REPORT_STATUSES = Set.of("complete", "pending", "error", "entered-in-error");

    static final String BSN = "http://fhir.nl/fhir/NamingSystem/bsn";

    /** The status value sets of R4. */
    static final Set<String> OBSERVATION_STATUSES = Set.of("registered", "preliminary", "final", "amended",
            "corrected", "cancelled", "entered-in-error", "unknown");
    static final Set<String> PROCEDURE_STATUSES = Set.of("preparation", "in-progress", "not-done", "on-hold",
            "stopped", "completed", "entered-in-error", "unknown");
    static final Set<String> ENCOUNTER_STATUSES = Set.of("planned", "arrived", "triaged", "in-progress", "onleave",
            "finished", "cancelled", "entered-in-error", "unknown");
    /** The statuses that make a record (domain.md §6, "Status"). */
    static final Set<String> OBSERVATION_COUNTED = Set.of("final", "amended", "corrected");
    static final Set<String> PROCEDURE_COUNTED = Set.of("completed", "in-progress", "stopped");
    static final Set<String> ENCOUNTER_COUNTED = Set.of("in-progress", "onleave", "finished");
    static final String ENTERED_IN_ERROR = "entered-in-error";

    private Codes() {
    }

    /** Whether a {@code meta.profile} is this profile, with or without a {@code |version} suffix. */
    static boolean isProfile(String canonical, String profile) {
        if (canonical == null) return false;
        int bar = canonical.indexOf('|');
        return (bar < 0 ? canonical : canonical.substring(0, bar)).equals(profile);
    }
}
