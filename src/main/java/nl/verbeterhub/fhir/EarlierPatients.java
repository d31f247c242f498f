package nl.verbeterhub.fhir;

/**
 * The Patients a connector delivered in earlier extracts, when a patient identifier system names records'
 * patients: a record may refer to a Patient that an incremental export does not repeat (domain.md §6,
 * "Identity").
 */
@FunctionalInterface
public interface EarlierPatients {

    /** For a connector without history ({@code validate}) or without a patient identifier system. */
    EarlierPatients NONE = canonical -> null;

    /** The pseudonym of the identifier of the Patient {@code Patient/{id}}, or null when never delivered. */
    byte[] pseudonym(String canonical);
}
