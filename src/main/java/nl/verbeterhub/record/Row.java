package nl.verbeterhub.record;

import nl.verbeterhub.time.LocalDateTimes;

/**
 * One record as its source delivered it, mapped onto a record type's columns (domain.md §2 tables):
 * a CSV row or a FHIR resource. Record parsers check it in the order of §2 and never see where it came
 * from; what differs per source (how a date-time is written, a code the source could not map, a
 * reference it could not resolve) the source decides here.
 */
public abstract class Row {

    /** The value of the column at this index in the record type's table: trimmed, null when absent. */
    public abstract String get(int column);

    /** A non-empty field after the header's last column (CSV only). */
    public abstract boolean malformed();

    /**
     * A date-time column as whole epoch seconds: {@link Checks#ABSENT} when absent,
     * {@link LocalDateTimes#UNPARSABLE} when the value is no date-time of the source's forms.
     */
    public abstract long instant(int column);

    /** Whether a date-time column held a date only (FHIR): anchored at local midnight, it gives no duration. */
    public boolean dateOnly(int column) {
        return false;
    }

    /**
     * What the source already found wrong with this column before the record's own checks (a code it
     * cannot map, a reference it cannot resolve), or null. A column with a problem is not missing: the
     * problem is reported in its place among the parse checks.
     */
    public ReasonCode problem(int column) {
        return null;
    }

    /** The patient's pseudonym when the source already knows it (a patient identifier system); else null. */
    public byte[] patientPseudonym() {
        return null;
    }

    /** How many columns the row has: the type's table, plus what only one source delivers. */
    public abstract int width();
}
