package nl.verbeterhub.record;

import nl.verbeterhub.time.Amsterdam;

/**
 * The shared steps of domain.md §2 "Rejections": malformed row, then required fields in table order.
 * The type parsers continue with parsing, ranges and cross-field rules in their own table order.
 */
public final class Checks {

    /** Stands for an absent optional date-time in a payload. */
    public static final long ABSENT = Long.MAX_VALUE;

    private Checks() {
    }

    /** The first rejection of the generic steps, or null when the row passes them. */
    public static RowResult.Rejected structural(Row row, RecordType type, String recordId) {
        if (row.malformed()) {
            return new RowResult.Rejected(recordId, ReasonCode.MALFORMED_ROW, null);
        }
        var columns = type.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).required() && missing(row, i)) {
                return new RowResult.Rejected(recordId, ReasonCode.MISSING_FIELD, columns.get(i).name());
            }
        }
        return null;
    }

    /** Absent, and not a value the source could not determine (which is reported among the parse checks). */
    public static boolean missing(Row row, int column) {
        return row.get(column) == null && row.problem(column) == null;
    }

    /** The source's own finding on a column, as a rejection in its place among the parse checks; else null. */
    public static RowResult.Rejected problem(Row row, RecordType type, int column, String recordId) {
        ReasonCode problem = row.problem(column);
        return problem == null ? null : new RowResult.Rejected(recordId, problem, type.columns().get(column).name());
    }

    /**
     * An end before its start, between instants; when either is a date only (FHIR), between their local
     * dates: a date-only end is before its start only if its date is (domain.md §6).
     */
    public static boolean endBeforeStart(Row row, int startColumn, long start, int endColumn, long end) {
        if (end == ABSENT) return false;
        if (row.dateOnly(startColumn) || row.dateOnly(endColumn)) {
            return Amsterdam.localDate(end).isBefore(Amsterdam.localDate(start));
        }
        return end < start;
    }
}
