package nl.verbeterhub.record;

import nl.verbeterhub.time.LocalDateTimes;

/** A row of text values, read by the CSV rules of domain.md §2 (a date-time is one of the CSV forms). */
public final class TextRow extends Row {

    private final String[] values;
    private final boolean malformed;

    /** @param values in the record type's column order: trimmed, null when empty */
    public TextRow(String[] values, boolean malformed) {
        this.values = values;
        this.malformed = malformed;
    }

    @Override
    public String get(int column) {
        return values[column];
    }

    @Override
    public boolean malformed() {
        return malformed;
    }

    @Override
    public long instant(int column) {
        String value = values[column];
        return value == null ? Checks.ABSENT : LocalDateTimes.parseEpochSecond(value);
    }

    @Override
    public int width() {
        return values.length;
    }
}
