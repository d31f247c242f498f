package nl.verbeterhub.theme.antistolling;

import nl.verbeterhub.record.Checks;
import nl.verbeterhub.record.ReasonCode;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.record.Row;
import nl.verbeterhub.record.RowParser;
import nl.verbeterhub.record.RowResult;
import nl.verbeterhub.theme.Windows;
import nl.verbeterhub.time.LocalDateTimes;

/**
 * Expertise shifts (themes.md §2.2): malformed, required fields, start and end, then an end before its
 * start and an over-long shift, both named by {@code end}, between instants. An end equal to the start is
 * an empty shift, accepted. Shifts belong to no patient.
 */
final class ShiftRowParser implements RowParser {

    private static final RecordType TYPE = AntistollingTheme.ANTISTOLLING_SHIFT;
    private static final int ID = TYPE.column("shift_id");
    private static final int START = TYPE.column("start");
    private static final int END = TYPE.column("end");

    private final long maxShiftMinutes;

    ShiftRowParser(long maxShiftMinutes) {
        this.maxShiftMinutes = maxShiftMinutes;
    }

    @Override
    public RowResult parse(Row row) {
        String id = row.get(ID);
        RowResult.Rejected rejected = Checks.structural(row, TYPE, id);
        if (rejected != null) return rejected;

        if ((rejected = Checks.problem(row, TYPE, START, id)) != null) return rejected;
        long start = Checks.timedInstant(row, START);
        if (start == LocalDateTimes.UNPARSABLE) return reject(id, ReasonCode.UNPARSABLE, "start");
        if ((rejected = Checks.problem(row, TYPE, END, id)) != null) return rejected;
        long end = Checks.timedInstant(row, END);
        if (end == LocalDateTimes.UNPARSABLE) return reject(id, ReasonCode.UNPARSABLE, "end");

        if (end < start) return reject(id, ReasonCode.END_BEFORE_START, "end");
        if (Windows.minutes(start, end) > maxShiftMinutes) return reject(id, ReasonCode.IMPLAUSIBLE_DURATION, "end");

        return new RowResult.Accepted(id, RowResult.NO_PATIENT, start, new ShiftRecord(end).encode());
    }

    private static RowResult.Rejected reject(String id, ReasonCode reason, String field) {
        return new RowResult.Rejected(id, reason, field);
    }
}
