package nl.verbeterhub.fhir;

import java.util.Optional;
import nl.verbeterhub.extract.RecordConsumer;
import nl.verbeterhub.pseudonym.Pseudonymizer;

/**
 * A Patient of an extract: its facts (the sealed birth date, with a patient identifier system that
 * identifier's pseudonym) into the join store under its reference and its identifier, and — for later
 * extracts that refer to it without repeating it — a link from its reference to that pseudonym.
 */
final class PatientResources {

    private final JoinStore join;
    private final Subjects subjects;
    private final RecordConsumer consumer;
    private final Pseudonymizer pseudonyms;
    private final String agb;
    private final Optional<String> patientSystem;

    PatientResources(JoinStore join, Subjects subjects, RecordConsumer consumer, Pseudonymizer pseudonyms, String agb,
                     Optional<String> patientSystem) {
        this.join = join;
        this.subjects = subjects;
        this.consumer = consumer;
        this.pseudonyms = pseudonyms;
        this.agb = agb;
        this.patientSystem = patientSystem;
    }

    void put(FhirResource r, String fullUrl) {
        String self = References.self(r, fullUrl);
        if (self == null) return;
        byte[] identifier = null;
        String identifierValue = null;
        if (patientSystem.isPresent()) {
            for (int i = 0; i < r.identifiers.size(); i++) {
                String value = r.identifiers.code(i);
                if (patientSystem.get().equals(r.identifiers.system(i)) && value != null && !value.isBlank()) {
                    identifierValue = value;
                    identifier = pseudonyms.patient(agb, value);
                    break;
                }
            }
        }
        byte[] facts = PatientFacts.of(join, r.birthDate, identifier);
        join.put(join.key(JoinStore.PATIENT, self), facts);
        // A record may name its patient by that identifier alone: its birth date is found this way too.
        if (identifierValue != null) join.put(subjects.identifierKey(identifierValue), facts);
        // Later extracts may refer to this Patient without repeating it.
        if (identifier != null && !References.isUrn(self)) consumer.link(self, identifier);
    }
}
