package nl.verbeterhub.fhir;

import java.util.ArrayList;
import java.util.List;

/**
 * The few elements of an R4 resource that the mapping of domain.md §6 reads, as their text — filled by
 * the streaming reader ({@link JsonResourceReader}) or from HAPI's model ({@link HapiResourceReader}), and
 * reused from resource to resource. Narratives, displays, notes and names are never read into it.
 * Never log it: identifiers and references are in it.
 */
final class FhirResource {

    String resourceType;
    String id;
    final List<String> profiles = new ArrayList<>(2);
    /** Identifier (system, value) pairs, in order. */
    final Codings identifiers = new Codings();
    String status;
    final Codings code = new Codings();
    final Codings method = new Codings();
    final Codings category = new Codings();
    final Codings priority = new Codings();
    /** Encounter.class. */
    final Codings encounterClass = new Codings();
    String subjectReference;
    String subjectIdentifierSystem;
    String subjectIdentifierValue;
    String encounterReference;
    final List<String> partOf = new ArrayList<>(1);
    /** Observation.effectiveDateTime (or effectiveInstant). */
    String effectiveDateTime;
    String effectivePeriodStart;
    String performedDateTime;
    String performedPeriodStart;
    String performedPeriodEnd;
    /** Encounter.period. */
    String periodStart;
    String periodEnd;
    String valueInteger;
    /** valueQuantity.value. */
    String valueQuantity;
    String valueDateTime;
    /** The hub's VBI score extension is present; {@link #vbiScore} its valueInteger, null when it has none. */
    boolean vbiScoreExtension;
    String vbiScore;
    String birthDate;

    // Elements of the four further themes (themes.md §1.3, §2.3, §3.3, §4.4).
    /** DiagnosticReport.issued (and Observation.issued). */
    String issued;
    final List<String> basedOn = new ArrayList<>(1);
    /** DiagnosticReport.result. */
    final List<String> results = new ArrayList<>(4);
    final Codings interpretation = new Codings();
    /** ServiceRequest.priority and Task.priority: a code, where Encounter's is a CodeableConcept. */
    String priorityCode;
    /** Task.focus. */
    String focusReference;
    String executionPeriodEnd;
    /** Encounter.hospitalization.dischargeDisposition. */
    final Codings dischargeDisposition = new Codings();
    /** DocumentReference.context.encounter. */
    final List<String> contextEncounters = new ArrayList<>(1);
    /** DocumentReference.type (and Encounter.type): a CodeableConcept. */
    final Codings type = new Codings();
    /** MeasureReport.type: a code. */
    String typeCode;
    String date;
    /** MeasureReport.measure. */
    String measure;
    /** The first group's populations: each coding of a population's code, with that population's count. */
    final Codings populations = new Codings();
    final List<String> populationCounts = new ArrayList<>(2);
    /** The hub's periprocedural-anticoagulation extension is present; its sub-extensions, first of each. */
    boolean anticoagulation;
    String anticoagulantSystem;
    String anticoagulantCode;
    String bleedingRisk;
    String plan;
    String planRecorded;
    String postponed;

    void clear() {
        resourceType = null;
        id = null;
        profiles.clear();
        identifiers.clear();
        status = null;
        code.clear();
        method.clear();
        category.clear();
        priority.clear();
        encounterClass.clear();
        subjectReference = null;
        subjectIdentifierSystem = null;
        subjectIdentifierValue = null;
        encounterReference = null;
        partOf.clear();
        effectiveDateTime = null;
        effectivePeriodStart = null;
        performedDateTime = null;
        performedPeriodStart = null;
        performedPeriodEnd = null;
        periodStart = null;
        periodEnd = null;
        valueInteger = null;
        valueQuantity = null;
        valueDateTime = null;
        vbiScoreExtension = false;
        vbiScore = null;
        birthDate = null;
        issued = null;
        basedOn.clear();
        results.clear();
        interpretation.clear();
        priorityCode = null;
        focusReference = null;
        executionPeriodEnd = null;
        dischargeDisposition.clear();
        contextEncounters.clear();
        type.clear();
        typeCode = null;
        date = null;
        measure = null;
        populations.clear();
        populationCounts.clear();
        anticoagulation = false;
        anticoagulantSystem = null;
        anticoagulantCode = null;
        bleedingRisk = null;
        plan = null;
        planRecorded = null;
        postponed = null;
    }

    /** Every element read, for the tests that compare the two readers. Holds identifiers: tests only. */
    String describe() {
        return String.join("\n", "resourceType=" + resourceType, "id=" + id, "profiles=" + profiles,
                "identifiers=" + identifiers.describe(), "status=" + status, "code=" + code.describe(),
                "method=" + method.describe(), "category=" + category.describe(), "priority=" + priority.describe(),
                "class=" + encounterClass.describe(),
                "subject=" + subjectReference + "|" + subjectIdentifierSystem + "|" + subjectIdentifierValue,
                "encounter=" + encounterReference, "partOf=" + partOf, "effective=" + effectiveDateTime + "|" + effectivePeriodStart,
                "performed=" + performedDateTime + "|" + performedPeriodStart + "|" + performedPeriodEnd,
                "period=" + periodStart + "|" + periodEnd,
                "value=" + valueInteger + "|" + valueQuantity + "|" + valueDateTime,
                "vbiScore=" + vbiScoreExtension + "|" + vbiScore, "birthDate=" + birthDate,
                "issued=" + issued, "basedOn=" + basedOn, "results=" + results,
                "interpretation=" + interpretation.describe(), "priorityCode=" + priorityCode,
                "focus=" + focusReference, "executionPeriodEnd=" + executionPeriodEnd,
                "dischargeDisposition=" + dischargeDisposition.describe(), "contextEncounters=" + contextEncounters,
                "type=" + type.describe() + "|" + typeCode, "date=" + date, "measure=" + measure,
                "populations=" + populations.describe() + populationCounts,
                "anticoagulation=" + anticoagulation + "|" + anticoagulantSystem + "|" + anticoagulantCode + "|"
                        + bleedingRisk + "|" + plan + "|" + planRecorded + "|" + postponed);
    }
}
