package nl.verbeterhub.theme;

import java.util.Arrays;

/** Notices when an ordered pass over the record index moves on to the next patient. */
public final class PatientBoundary {

    private byte[] current;

    /** True when {@code patient} differs from the previous record's patient (and for the first record). */
    public boolean next(byte[] patient) {
        if (current != null && Arrays.equals(current, patient)) {
            return false;
        }
        current = patient;
        return true;
    }
}
