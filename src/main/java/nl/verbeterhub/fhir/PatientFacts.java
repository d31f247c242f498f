package nl.verbeterhub.fhir;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.Arrays;
import nl.verbeterhub.time.FhirDateTimes;

/**
 * What a Patient gives the records of its extract, as its join store keeps it: the birth date sealed
 * (only needed, and only kept, while the extract is processed), and with a patient identifier system the
 * pseudonym of that identifier.
 */
final class PatientFacts {

    static final int NO_BIRTH_DATE = 0;
    static final int BIRTH_DATE = 1;
    static final int UNPARSABLE_BIRTH_DATE = 2;
    private static final int SEALED = 16;

    private PatientFacts() {
    }

    static byte[] of(JoinStore join, String birthDate, byte[] identifierPseudonym) {
        byte[] sealed;
        if (birthDate == null) {
            sealed = join.seal(NO_BIRTH_DATE, 0);
        } else {
            LocalDate date = FhirDateTimes.date(birthDate);
            sealed = date == null ? join.seal(UNPARSABLE_BIRTH_DATE, 0) : join.seal(BIRTH_DATE, date.toEpochDay());
        }
        byte[] facts = Arrays.copyOf(sealed, JoinStore.PATIENT_BYTES);
        if (identifierPseudonym != null) {
            facts[SEALED] = 1;
            System.arraycopy(identifierPseudonym, 0, facts, SEALED + 1, identifierPseudonym.length);
        }
        return facts;
    }

    /** The status ({@link #BIRTH_DATE}, …) and epoch day of the birth date. */
    static ByteBuffer birthDate(JoinStore join, byte[] facts) {
        return join.unseal(facts, 0);
    }

    static byte[] identifierPseudonym(byte[] facts) {
        return facts == null || facts[SEALED] != 1 ? null : Arrays.copyOfRange(facts, SEALED + 1, facts.length);
    }
}
