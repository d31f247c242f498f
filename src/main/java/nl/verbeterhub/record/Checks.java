package nl.verbeterhub.record;

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
            if (columns.get(i).required() && row.get(i) == null) {
                return new RowResult.Rejected(recordId, ReasonCode.MISSING_FIELD, columns.get(i).name());
            }
        }
        return null;
    }

    /** An optional date-time: {@link #ABSENT} when empty, {@link LocalDateTimes#UNPARSABLE} when bad. */
    public static long optionalDateTime(String value) {
        return value == null ? ABSENT : LocalDateTimes.parseEpochSecond(value);
    }
}
