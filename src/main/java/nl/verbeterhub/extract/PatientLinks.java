package nl.verbeterhub.extract;

import nl.verbeterhub.pseudonym.Pseudonymizer;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.state.StateKey;

/**
 * Where a FHIR connector keeps which patient its {@code Patient/{id}} is, when a patient identifier system
 * names records' patients (domain.md §6, "Identity"): a state entry per connector and Patient, keyed by
 * the HMAC of both — never the reference — holding the pseudonym of the Patient's identifier.
 */
public final class PatientLinks {

    private PatientLinks() {
    }

    public static StateKey key(Pseudonymizer pseudonyms, String agb, String connector, String canonicalPatient) {
        return new StateKey(agb, RecordType.PATIENT_LINK,
                pseudonyms.recordKey(agb, RecordType.PATIENT_LINK.name(), connector + "|" + canonicalPatient));
    }
}
