package nl.verbeterhub.fhir;

/**
 * The passes over a FHIR extract's files, in this order. Each handles some resource types and skips the
 * others as soon as their {@code resourceType} is read, so that a bulk export — one type per file — is
 * parsed once (an admission Encounter twice when KWETSBAAR is read), and whatever a join needs is on disk
 * before the records that need it are read.
 */
enum Pass {
    /** Patients first, when a patient identifier system makes every record's patient a Patient's identifier. */
    PATIENTS,
    /** Every resource type but the joined ones: records, and the facts the joins need. */
    RECORDS,
    /** Records that join facts read before: Procedures, DiagnosticReports, elderly admissions. */
    JOINED;

    /** Whether the pass reads a resource of this type. */
    boolean wants(String resourceType, boolean patientsFirst, FhirScope scope) {
        return switch (this) {
            case PATIENTS -> resourceType.equals("Patient");
            case RECORDS -> !scope.joined(resourceType) && !(patientsFirst && resourceType.equals("Patient"));
            case JOINED -> scope.inJoinedPass(resourceType);
        };
    }

    /** Whether this pass is the one that counts a resource of this type (read, or unparsable): one pass only. */
    boolean counts(String resourceType, boolean patientsFirst, FhirScope scope) {
        if (this == JOINED && scope.rereadWhenJoined(resourceType)) return false;
        return wants(resourceType, patientsFirst, scope);
    }

    /** The pass that handles a Bundle {@code DELETE} of this resource type. */
    static Pass ofDelete(String resourceType, FhirScope scope) {
        return scope.joined(String.valueOf(resourceType)) ? JOINED : RECORDS;
    }
}
