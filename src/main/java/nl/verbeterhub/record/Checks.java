package nl.verbeterhub.record;

import nl.verbeterhub.time.Amsterdam;
import nl.verbeterhub.time.LocalDateTimes;

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
     * A date-time column of a type whose durations need the time (themes.md §0.3): its instant,
     * {@link #ABSENT} when empty, {@link LocalDateTimes#UNPARSABLE} when unparsable or a date without a time.
     */
    public static long timedInstant(Row row, int column) {
        long at = row.instant(column);
        return at != ABSENT && row.dateOnly(column) ? LocalDateTimes.UNPARSABLE : at;
    }

    /** An {@code UNPARSABLE} rejection naming the column. */
    public static RowResult.Rejected unparsable(RecordType type, String recordId, int column) {
        return new RowResult.Rejected(recordId, ReasonCode.UNPARSABLE, type.columns().get(column).name());
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
