package nl.verbeterhub.fhir;

import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Type;

/**
 * {@link HapiResourceReader} for the resource types of the four further themes (themes.md §1.3, §2.3, §3.3,
 * §4.4): every element the streaming reader reads from them, so that both fill a resource alike.
 */
final class FurtherResources {

    private FurtherResources() {
    }

    static void diagnosticReport(DiagnosticReport d, FhirResource r) {
        HapiResourceReader.identifiers(d.getIdentifier(), r);
        HapiResourceReader.references(d.getBasedOn(), r.basedOn);
        r.status = d.getStatusElement().getValueAsString();
        d.getCategory().forEach(category -> HapiResourceReader.concept(category, r.category));
        HapiResourceReader.concept(d.getCode(), r.code);
        HapiResourceReader.subject(d.getSubject(), r);
        r.encounterReference = d.getEncounter().getReference();
        Type effective = d.getEffective();
        if (effective instanceof Period period) r.effectivePeriodStart = period.getStartElement().getValueAsString();
        else if (effective instanceof PrimitiveType<?> time) r.effectiveDateTime = time.getValueAsString();
        r.issued = d.getIssuedElement().getValueAsString();
        HapiResourceReader.references(d.getResult(), r.results);
    }

    static void serviceRequest(ServiceRequest s, FhirResource r) {
        HapiResourceReader.identifiers(s.getIdentifier(), r);
        HapiResourceReader.references(s.getBasedOn(), r.basedOn);
        r.status = s.getStatusElement().getValueAsString();
        s.getCategory().forEach(category -> HapiResourceReader.concept(category, r.category));
        r.priorityCode = s.getPriorityElement().getValueAsString();
        HapiResourceReader.concept(s.getCode(), r.code);
        HapiResourceReader.subject(s.getSubject(), r);
        r.encounterReference = s.getEncounter().getReference();
    }

    static void task(Task t, FhirResource r) {
        HapiResourceReader.identifiers(t.getIdentifier(), r);
        HapiResourceReader.references(t.getBasedOn(), r.basedOn);
        HapiResourceReader.references(t.getPartOf(), r.partOf);
        r.status = t.getStatusElement().getValueAsString();
        r.priorityCode = t.getPriorityElement().getValueAsString();
        HapiResourceReader.concept(t.getCode(), r.code);
        r.focusReference = t.getFocus().getReference();
        r.encounterReference = t.getEncounter().getReference();
        r.executionPeriodEnd = t.getExecutionPeriod().getEndElement().getValueAsString();
    }

    static void documentReference(DocumentReference d, FhirResource r) {
        HapiResourceReader.identifiers(d.getIdentifier(), r);
        r.status = d.getStatusElement().getValueAsString();
        HapiResourceReader.concept(d.getType(), r.type);
        d.getCategory().forEach(category -> HapiResourceReader.concept(category, r.category));
        HapiResourceReader.subject(d.getSubject(), r);
        r.date = d.getDateElement().getValueAsString();
        if (d.hasContext()) HapiResourceReader.references(d.getContext().getEncounter(), r.contextEncounters);
    }

    static void measureReport(MeasureReport m, FhirResource r) {
        HapiResourceReader.identifiers(m.getIdentifier(), r);
        r.status = m.getStatusElement().getValueAsString();
        r.typeCode = m.getTypeElement().getValueAsString();
        r.measure = m.getMeasureElement().getValueAsString();
        HapiResourceReader.subject(m.getSubject(), r);
        r.date = m.getDateElement().getValueAsString();
        r.periodStart = m.getPeriod().getStartElement().getValueAsString();
        r.periodEnd = m.getPeriod().getEndElement().getValueAsString();
        if (m.hasGroup()) {
            for (MeasureReport.MeasureReportGroupPopulationComponent population : m.getGroupFirstRep().getPopulation()) {
                Codings code = new Codings();
                HapiResourceReader.concept(population.getCode(), code);
                String count = population.hasCount() ? Numbers.plain(population.getCountElement().getValueAsString()) : null;
                Extensions.population(r, code, count);
            }
        }
    }
}
