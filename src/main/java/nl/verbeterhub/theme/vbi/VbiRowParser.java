package nl.verbeterhub.theme.vbi;

import nl.verbeterhub.record.Checks;
import nl.verbeterhub.record.ReasonCode;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.record.Row;
import nl.verbeterhub.record.RowParser;
import nl.verbeterhub.record.RowResult;
import nl.verbeterhub.record.Values;
import nl.verbeterhub.time.LocalDateTimes;

/**
 * VBI registrations, checked in table order: the patient and intervention as far as the source could
 * resolve and map them, score, start, end, alternatives_considered; then the score's range and an end
 * before its start.
 */
public final class VbiRowParser implements RowParser {

    private static final RecordType TYPE = VbiTheme.VBI;
    private static final int ID = VbiTheme.VBI.column("registration_id");
    private static final int PATIENT = VbiTheme.VBI.column("patient_id");
    private static final int INTERVENTION = VbiTheme.VBI.column("intervention_type");
    private static final int SCORE = VbiTheme.VBI.column("score");
    private static final int START = VbiTheme.VBI.column("start");
    private static final int END = VbiTheme.VBI.column("end");
    private static final int ALTERNATIVES = VbiTheme.VBI.column("alternatives_considered");

    @Override
    public RowResult parse(Row row) {
        String id = row.get(ID);
        RowResult.Rejected rejected = Checks.structural(row, TYPE, id);
        if (rejected != null) return rejected;

        if ((rejected = Checks.problem(row, TYPE, PATIENT, id)) != null) return rejected;
        if ((rejected = Checks.problem(row, TYPE, INTERVENTION, id)) != null) return rejected;
        if ((rejected = Checks.problem(row, TYPE, SCORE, id)) != null) return rejected;
        Long score = Values.parseWhole(row.get(SCORE));
        if (score == null) return reject(id, ReasonCode.UNPARSABLE, "score");
        long start = row.instant(START);
        if (start == LocalDateTimes.UNPARSABLE) return reject(id, ReasonCode.UNPARSABLE, "start");
        long end = row.instant(END);
        if (end == LocalDateTimes.UNPARSABLE) return reject(id, ReasonCode.UNPARSABLE, "end");
        Boolean alternatives = null;
        if (row.get(ALTERNATIVES) != null) {
            alternatives = Values.parseBoolean(row.get(ALTERNATIVES));
            if (alternatives == null) return reject(id, ReasonCode.UNPARSABLE, "alternatives_considered");
        }

        if (score < 1 || score > 5) return reject(id, ReasonCode.OUT_OF_RANGE, "score");
        if (Checks.endBeforeStart(row, START, start, END, end)) return reject(id, ReasonCode.END_BEFORE_START, "end");

        boolean timed = !row.dateOnly(START) && !row.dateOnly(END);
        byte[] payload = new VbiRecord(score.intValue(), end, alternatives, timed).encode();
        return new RowResult.Accepted(id, row.get(PATIENT), start, payload);
    }

    private static RowResult.Rejected reject(String id, ReasonCode reason, String field) {
        return new RowResult.Rejected(id, reason, field);
    }
}
