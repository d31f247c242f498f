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
                "vbiScore=" + vbiScoreExtension + "|" + vbiScore, "birthDate=" + birthDate);
    }
}
