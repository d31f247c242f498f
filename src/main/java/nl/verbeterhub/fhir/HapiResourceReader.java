package nl.verbeterhub.fhir;

import java.util.List;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;

/**
 * Fills a {@link FhirResource} from a resource HAPI FHIR parsed into its R4 model: how the hub reads
 * Bundles entry by entry, and the reference the streaming reader is tested against. Values are taken as
 * the text HAPI kept ({@code getValueAsString}), so that the hub's own strict parsing decides, not HAPI's.
 */
final class HapiResourceReader {

    private HapiResourceReader() {
    }

    static void read(Resource resource, FhirResource r) {
        r.clear();
        r.resourceType = resource.fhirType();
        r.id = resource.getIdElement().getIdPart();
        for (CanonicalType profile : resource.getMeta().getProfile()) {
            if (profile.getValueAsString() != null) r.profiles.add(profile.getValueAsString());
        }
        if (resource instanceof Observation o) observation(o, r);
        else if (resource instanceof Procedure p) procedure(p, r);
        else if (resource instanceof Encounter e) encounter(e, r);
        else if (resource instanceof Patient p) patient(p, r);
    }

    private static void observation(Observation o, FhirResource r) {
        identifiers(o.getIdentifier(), r);
        r.status = o.getStatusElement().getValueAsString();
        o.getCategory().forEach(category -> concept(category, r.category));
        concept(o.getCode(), r.code);
        concept(o.getMethod(), r.method);
        subject(o.getSubject(), r);
        r.encounterReference = o.getEncounter().getReference();
        references(o.getPartOf(), r.partOf);
        Type effective = o.getEffective();
        if (effective instanceof Period period) r.effectivePeriodStart = period.getStartElement().getValueAsString();
        else if (effective instanceof DateTimeType || effective instanceof InstantType) {
            r.effectiveDateTime = ((PrimitiveType<?>) effective).getValueAsString();
        }
        Type value = o.getValue();
        if (value instanceof IntegerType integer) r.valueInteger = Numbers.plain(integer.getValueAsString());
        else if (value instanceof Quantity quantity) r.valueQuantity = Numbers.plain(quantity.getValueElement().getValueAsString());
        else if (value instanceof DateTimeType time) r.valueDateTime = time.getValueAsString();
    }

    private static void procedure(Procedure p, FhirResource r) {
        identifiers(p.getIdentifier(), r);
        r.status = p.getStatusElement().getValueAsString();
        concept(p.getCategory(), r.category);
        concept(p.getCode(), r.code);
        subject(p.getSubject(), r);
        r.encounterReference = p.getEncounter().getReference();
        references(p.getPartOf(), r.partOf);
        Type performed = p.getPerformed();
        if (performed instanceof Period period) {
            r.performedPeriodStart = period.getStartElement().getValueAsString();
            r.performedPeriodEnd = period.getEndElement().getValueAsString();
        } else if (performed instanceof DateTimeType time) {
            // performedString or performedAge is no time (the streaming reader skips it too).
            r.performedDateTime = time.getValueAsString();
        }
        vbiScore(p, r);
    }

    private static void encounter(Encounter e, FhirResource r) {
        identifiers(e.getIdentifier(), r);
        r.status = e.getStatusElement().getValueAsString();
        if (e.hasClass_()) r.encounterClass.add(e.getClass_().getSystem(), e.getClass_().getCode());
        concept(e.getPriority(), r.priority);
        subject(e.getSubject(), r);
        r.periodStart = e.getPeriod().getStartElement().getValueAsString();
        r.periodEnd = e.getPeriod().getEndElement().getValueAsString();
    }

    private static void patient(Patient p, FhirResource r) {
        identifiers(p.getIdentifier(), r);
        r.birthDate = p.getBirthDateElement().getValueAsString();
    }

    private static void identifiers(List<Identifier> identifiers, FhirResource r) {
        for (Identifier identifier : identifiers) r.identifiers.add(identifier.getSystem(), identifier.getValue());
    }

    private static void references(List<Reference> references, List<String> into) {
        for (Reference reference : references) {
            if (reference.getReference() != null) into.add(reference.getReference());
        }
    }

    private static void concept(CodeableConcept concept, Codings into) {
        for (Coding coding : concept.getCoding()) {
            // A coding with neither system nor code (a display only) names nothing, as in the streaming reader.
            if (coding.getSystem() != null || coding.getCode() != null) into.add(coding.getSystem(), coding.getCode());
        }
        into.text |= concept.hasText();
    }

    private static void subject(Reference subject, FhirResource r) {
        r.subjectReference = subject.getReference();
        if (subject.hasIdentifier()) {
            r.subjectIdentifierSystem = subject.getIdentifier().getSystem();
            r.subjectIdentifierValue = subject.getIdentifier().getValue();
        }
    }

    /** The first extension with the hub's score URL (HAPI's getExtensionByUrl refuses several). */
    private static void vbiScore(DomainResource resource, FhirResource r) {
        for (Extension extension : resource.getExtension()) {
            if (Codes.VBI_SCORE_EXTENSION.equals(extension.getUrl())) {
                r.vbiScoreExtension = true;
                if (extension.getValue() instanceof IntegerType score) r.vbiScore = Numbers.plain(score.getValueAsString());
                return;
            }
        }
    }
}
