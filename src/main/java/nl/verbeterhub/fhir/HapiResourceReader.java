package nl.verbeterhub.fhir;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
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
        if (resource instanceof DomainResource domain) extensions(domain, r);
        if (resource instanceof Observation o) observation(o, r);
        else if (resource instanceof Procedure p) procedure(p, r);
        else if (resource instanceof Encounter e) encounter(e, r);
        else if (resource instanceof Patient p) patient(p, r);
        else if (resource instanceof DiagnosticReport d) FurtherResources.diagnosticReport(d, r);
        else if (resource instanceof ServiceRequest s) FurtherResources.serviceRequest(s, r);
        else if (resource instanceof Task t) FurtherResources.task(t, r);
        else if (resource instanceof DocumentReference d) FurtherResources.documentReference(d, r);
        else if (resource instanceof MeasureReport m) FurtherResources.measureReport(m, r);
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
        r.issued = o.getIssuedElement().getValueAsString();
        references(o.getBasedOn(), r.basedOn);
        o.getInterpretation().forEach(concept -> concept(concept, r.interpretation));
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
        references(p.getBasedOn(), r.basedOn);
    }

    private static void encounter(Encounter e, FhirResource r) {
        identifiers(e.getIdentifier(), r);
        r.status = e.getStatusElement().getValueAsString();
        if (e.hasClass_()) r.encounterClass.add(e.getClass_().getSystem(), e.getClass_().getCode());
        concept(e.getPriority(), r.priority);
        subject(e.getSubject(), r);
        r.periodStart = e.getPeriod().getStartElement().getValueAsString();
        r.periodEnd = e.getPeriod().getEndElement().getValueAsString();
        e.getType().forEach(type -> concept(type, r.type));
        references(e.getBasedOn(), r.basedOn);
        if (e.hasHospitalization()) concept(e.getHospitalization().getDischargeDisposition(), r.dischargeDisposition);
    }

    private static void patient(Patient p, FhirResource r) {
        identifiers(p.getIdentifier(), r);
        r.birthDate = p.getBirthDateElement().getValueAsString();
    }

    static void identifiers(List<Identifier> identifiers, FhirResource r) {
        for (Identifier identifier : identifiers) r.identifiers.add(identifier.getSystem(), identifier.getValue());
    }

    static void references(List<Reference> references, List<String> into) {
        for (Reference reference : references) {
            if (reference.getReference() != null) into.add(reference.getReference());
        }
    }

    static void concept(CodeableConcept concept, Codings into) {
        for (Coding coding : concept.getCoding()) {
            // A coding with neither system nor code (a display only) names nothing, as in the streaming reader.
            if (coding.getSystem() != null || coding.getCode() != null) into.add(coding.getSystem(), coding.getCode());
        }
        into.text |= concept.hasText();
    }

    static void subject(Reference subject, FhirResource r) {
        r.subjectReference = subject.getReference();
        if (subject.hasIdentifier()) {
            r.subjectIdentifierSystem = subject.getIdentifier().getSystem();
            r.subjectIdentifierValue = subject.getIdentifier().getValue();
        }
    }

    /** The hub's extensions, as the streaming reader reads them ({@link Extensions}). */
    private static void extensions(DomainResource resource, FhirResource r) {
        for (Extension extension : resource.getExtension()) {
            String integer = extension.getValue() instanceof IntegerType score ? Numbers.plain(score.getValueAsString()) : null;
            List<Extensions.Value> subs = new ArrayList<>(extension.getExtension().size());
            for (Extension sub : extension.getExtension()) {
                Type value = sub.getValue();
                if (value instanceof Coding coding) {
                    subs.add(new Extensions.Value(sub.getUrl(), coding.getSystem(), coding.getCode(), false));
                } else if (value instanceof IntegerType number) {
                    subs.add(new Extensions.Value(sub.getUrl(), null, Numbers.plain(number.getValueAsString()), false));
                } else {
                    String text = value instanceof PrimitiveType<?> primitive ? primitive.getValueAsString() : null;
                    subs.add(new Extensions.Value(sub.getUrl(), null, text, value != null && !(value instanceof PrimitiveType<?>)));
                }
            }
            Extensions.apply(r, extension.getUrl(), integer, subs);
        }
    }
}
