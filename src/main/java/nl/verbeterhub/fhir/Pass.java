package nl.verbeterhub.fhir;

/**
 * The passes over a FHIR extract's files, in this order. Each handles some resource types and skips the
 * others as soon as their {@code resourceType} is read, so that a bulk export — one type per file — is
 * parsed once, and whatever a join needs is on disk before the records that need it are read.
 */
enum Pass {
    /** Patients first, when a patient identifier system makes every record's patient a Patient's identifier. */
    PATIENTS,
    /** Every other resource type but Procedures: records, and the Encounters and intakes the joins need. */
    RECORDS,
    /** Procedures last: an anaesthesia procedure joins its Patient, Encounter and intakes. */
    PROCEDURES;

    boolean wants(String resourceType, boolean patientsFirst) {
        return switch (this) {
            case PATIENTS -> resourceType.equals("Patient");
            case RECORDS -> !resourceType.equals("Procedure") && !(patientsFirst && resourceType.equals("Patient"));
            case PROCEDURES -> resourceType.equals("Procedure");
        };
    }

    /** The pass that handles a Bundle {@code DELETE} of this resource type. */
    static Pass ofDelete(String resourceType) {
        return "Procedure".equals(resourceType) ? PROCEDURES : RECORDS;
    }
}
