package nl.verbeterhub.record;

/**
 * One data row mapped onto a record type's columns: values trimmed, empty values null. Built by a
 * source (CSV today) so that record parsers never see where the row came from.
 */
public final class Row {

    private final String[] values;
    private final boolean malformed;

    public Row(String[] values, boolean malformed) {
        this.values = values;
        this.malformed = malformed;
    }

    /** The value of the column at this index in the record type's table, or null when absent. */
    public String get(int column) {
        return values[column];
    }

    /** A non-empty field after the header's last column. */
    public boolean malformed() {
        return malformed;
    }
}
