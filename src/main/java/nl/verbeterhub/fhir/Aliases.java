package nl.verbeterhub.fhir;

import java.util.Arrays;

/**
 * What a Bundle's {@code urn:uuid:} {@code fullUrl} names, in its join store: the resource's kind, the
 * join key of its canonical reference, and — for a Patient without a patient identifier system — its
 * pseudonym. Never the reference itself.
 */
final class Aliases {

    static final byte PATIENT = 'P';
    static final byte ENCOUNTER = 'E';
    static final byte PROCEDURE = 'R';
    static final byte DIAGNOSTIC_REPORT = 'D';
    static final byte SERVICE_REQUEST = 'Q';
    static final byte OBSERVATION = 'B';
    static final byte OTHER = 'O';
    private static final int KEY_BYTES = 16;

    private Aliases() {
    }

    static byte kind(String resourceType) {
        return switch (resourceType) {
            case "Patient" -> PATIENT;
            case "Encounter" -> ENCOUNTER;
            case "Procedure" -> PROCEDURE;
            case "DiagnosticReport" -> DIAGNOSTIC_REPORT;
            case "ServiceRequest" -> SERVICE_REQUEST;
            case "Observation" -> OBSERVATION;
            default -> OTHER;
        };
    }

    /** @param key the target's join key in any space; @param pseudonym a Patient's, or null */
    static byte[] value(byte kind, byte[] key, byte[] pseudonym) {
        byte[] value = new byte[JoinStore.ALIAS_BYTES];
        value[0] = kind;
        System.arraycopy(key, 1, value, 1, KEY_BYTES);
        if (pseudonym != null) System.arraycopy(pseudonym, 0, value, 1 + KEY_BYTES, pseudonym.length);
        return value;
    }

    /** The target's join key in this space. */
    static byte[] key(byte[] alias, byte space) {
        byte[] key = Arrays.copyOfRange(alias, 0, 1 + KEY_BYTES);
        key[0] = space;
        return key;
    }

    /** A Patient's pseudonym, when the alias was made with one (no patient identifier system). */
    static byte[] pseudonym(byte[] alias) {
        for (int i = 1 + KEY_BYTES; i < alias.length; i++) {
            if (alias[i] != 0) return Arrays.copyOfRange(alias, 1 + KEY_BYTES, alias.length);
        }
        return null;
    }
}
