package nl.verbeterhub.theme.vbi;

import nl.verbeterhub.record.Checks;
import nl.verbeterhub.record.ReasonCode;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.record.Row;
import nl.verbeterhub.record.RowParser;
import nl.verbeterhub.record.RowResult;
import nl.verbeterhub.record.Values;
import nl.verbeterhub.time.LocalDateTimes;

/** VBI registration rows, checked in table order: score, start, end, alternatives_considered. */
public final class VbiRowParser implements RowParser {

    private static final int ID = 0;
    private static final int PATIENT = 1;
    private static final int SCORE = 4;
    private static final int START = 5;
    private static final int END = 6;
    private static final int ALTERNATIVES = 7;

    @Override
    public RowResult parse(Row row) {
        String id = row.get(ID);
        RowResult.Rejected structural = Checks.structural(row, RecordType.VBI, id);
        if (structural != null) return structural;

        Long score = Values.parseWhole(row.get(SCORE));
        if (score == null) return reject(id, ReasonCode.UNPARSABLE, "score");
        long start = LocalDateTimes.parseEpochSecond(row.get(START));
        if (start == LocalDateTimes.UNPARSABLE) return reject(id, ReasonCode.UNPARSABLE, "start");
        long end = Checks.optionalDateTime(row.get(END));
        if (end == LocalDateTimes.UNPARSABLE) return reject(id, ReasonCode.UNPARSABLE, "end");
        Boolean alternatives = null;
        if (row.get(ALTERNATIVES) != null) {
            alternatives = Values.parseBoolean(row.get(ALTERNATIVES));
            if (alternatives == null) return reject(id, ReasonCode.UNPARSABLE, "alternatives_considered");
        }

        if (score < 1 || score > 5) return reject(id, ReasonCode.OUT_OF_RANGE, "score");
        if (end != Checks.ABSENT && end < start) return reject(id, ReasonCode.END_BEFORE_START, "end");

        byte[] payload = new VbiRecord(score.intValue(), end, alternatives).encode();
        return new RowResult.Accepted(id, row.get(PATIENT), start, payload);
    }

    private static RowResult.Rejected reject(String id, ReasonCode reason, String field) {
        return new RowResult.Rejected(id, reason, field);
    }
}
