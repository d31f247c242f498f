package nl.verbeterhub.record;

/** Every reason a record can be rejected for (domain.md §2, "Rejections"); there are no others. */
public enum ReasonCode {
    MALFORMED_ROW,
    MISSING_FIELD,
    UNPARSABLE,
    UNKNOWN_SCALE,
    UNKNOWN_INTERVENTION,
    UNRESOLVED_REFERENCE,
    OUT_OF_RANGE,
    END_BEFORE_START,
    INTAKE_AFTER_INDUCTION,
    IMPLAUSIBLE_DURATION
}
