package nl.verbeterhub.fhir;

import java.util.Arrays;
import nl.verbeterhub.record.Checks;
import nl.verbeterhub.record.ReasonCode;
import nl.verbeterhub.record.Row;
import nl.verbeterhub.time.FhirDateTimes;

/**
 * A FHIR resource as a row of its record type's table: values as text, date-times already read by the FHIR
 * rules (an offset is required, a date only anchors at local midnight where allowed), and what the
 * mapping found wrong before the record's own checks (an unknown code, an unresolved reference).
 */
final class FhirRow extends Row {

    private final String[] values;
    private final long[] instants;
    private final boolean[] dateOnly;
    private final ReasonCode[] problems;
    private byte[] patientPseudonym;

    FhirRow(int width) {
        values = new String[width];
        instants = new long[width];
        Arrays.fill(instants, Checks.ABSENT);
        dateOnly = new boolean[width];
        problems = new ReasonCode[width];
    }

    FhirRow set(int column, String value) {
        values[column] = value;
        return this;
    }

    /** A date-time that needs a time: a date only is unparsable. */
    FhirRow time(int column, String value) {
        values[column] = value;
        instants[column] = value == null ? Checks.ABSENT : FhirDateTimes.instant(value);
        return this;
    }

    /** A date-time that may be a date only, which then gives no duration. */
    FhirRow timeOrDate(int column, String value) {
        values[column] = value;
        instants[column] = value == null ? Checks.ABSENT : FhirDateTimes.instantOrDate(value);
        dateOnly[column] = FhirDateTimes.isDate(value);
        return this;
    }

    /** An instant the source already read (an intake's time), or a problem with it. */
    FhirRow instant(int column, long epochSecond) {
        values[column] = epochSecond == Checks.ABSENT ? null : "";
        instants[column] = epochSecond;
        return this;
    }

    FhirRow problem(int column, ReasonCode problem) {
        problems[column] = problem;
        return this;
    }

    FhirRow patientPseudonym(byte[] pseudonym) {
        this.patientPseudonym = pseudonym;
        return this;
    }

    @Override
    public String get(int column) {
        return values[column];
    }

    @Override
    public boolean malformed() {
        return false;
    }

    @Override
    public long instant(int column) {
        return instants[column];
    }

    @Override
    public boolean dateOnly(int column) {
        return dateOnly[column];
    }

    @Override
    public ReasonCode problem(int column) {
        return problems[column];
    }

    @Override
    public byte[] patientPseudonym() {
        return patientPseudonym;
    }

    @Override
    public int width() {
        return values.length;
    }
}
