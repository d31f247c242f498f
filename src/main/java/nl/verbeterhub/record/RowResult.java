package nl.verbeterhub.record;

/** What a record parser made of a row: an accepted record or one rejection. */
public sealed interface RowResult permits RowResult.Accepted, RowResult.Rejected {

    /**
     * The patient id of records that belong to no patient (expertise shifts, own-goal numbers): one fixed
     * pseudonym per hospital, so that such records sort by their anchor alone.
     */
    String NO_PATIENT = "-";

    /** The record's own id as delivered (never leaves the hub; pseudonymised before it is kept). */
    String recordId();

    /**
     * An accepted record before pseudonymisation.
     *
     * @param payload the type's own fields, encoded by the type's codec
     */
    record Accepted(String recordId, String patientId, long anchorEpochSecond, byte[] payload) implements RowResult {
        /** Never the ids: a record printed by mistake must not leak them. */
        @Override
        public String toString() {
            return "Accepted[anchor=" + anchorEpochSecond + "]";
        }
    }

    /** A rejection; {@code recordId} may be null when the id itself was missing. */
    record Rejected(String recordId, ReasonCode reason, String field) implements RowResult {
        @Override
        public String toString() {
            return "Rejected[" + reason + (field == null ? "" : " " + field) + "]";
        }
    }
}
