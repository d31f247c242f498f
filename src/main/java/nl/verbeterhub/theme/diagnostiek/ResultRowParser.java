package nl.verbeterhub.theme.diagnostiek;

import java.util.Locale;
import nl.verbeterhub.record.Checks;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.record.Row;
import nl.verbeterhub.record.RowParser;
import nl.verbeterhub.record.RowResult;
import nl.verbeterhub.record.Values;
import nl.verbeterhub.time.LocalDateTimes;

/**
 * Diagnostic result rows (themes.md §3.2): malformed row, required fields, then every value in table order.
 * There is no cross-field step: an acknowledgement or notification before {@code result_at} is on time.
 * A source's own finding on a column (FHIR) is reported in that column's place; a date-only value is
 * unparsable, every date-time of this type needs a time (themes.md §0.3).
 */
final class ResultRowParser implements RowParser {

    private static final RecordType TYPE = DiagnostiekTheme.DIAGNOSTIEK;
    private static final int ID = TYPE.column("result_id");
    private static final int PATIENT = TYPE.column("patient_id");
    private static final int RESULT_AT = TYPE.column("result_at");
    private static final int DISCIPLINE = TYPE.column("discipline");
    private static final int PRIORITY = TYPE.column("priority");
    private static final int CRITICAL = TYPE.column("critical");
    private static final int ACKNOWLEDGED_AT = TYPE.column("acknowledged_at");
    private static final int CRITICAL_NOTIFIED_AT = TYPE.column("critical_notified_at");

    @Override
    public RowResult parse(Row row) {
        String id = row.get(ID);
        RowResult.Rejected rejected = Checks.structural(row, TYPE, id);
        if (rejected != null) return rejected;

        if ((rejected = Checks.problem(row, TYPE, PATIENT, id)) != null) return rejected;
        if ((rejected = Checks.problem(row, TYPE, RESULT_AT, id)) != null) return rejected;
        long resultAt = Checks.timedInstant(row, RESULT_AT);
        if (resultAt == LocalDateTimes.UNPARSABLE) return unparsable(id, RESULT_AT);
        if ((rejected = Checks.problem(row, TYPE, DISCIPLINE, id)) != null) return rejected;
        Discipline discipline = Discipline.parse(row.get(DISCIPLINE));
        if (discipline == null) return unparsable(id, DISCIPLINE);
        if ((rejected = Checks.problem(row, TYPE, PRIORITY, id)) != null) return rejected;
        Boolean urgent = parseUrgent(row.get(PRIORITY));
        if (urgent == null) return unparsable(id, PRIORITY);
        if ((rejected = Checks.problem(row, TYPE, CRITICAL, id)) != null) return rejected;
        boolean critical = false;
        if (row.get(CRITICAL) != null) {
            Boolean flag = Values.parseBoolean(row.get(CRITICAL));
            if (flag == null) return unparsable(id, CRITICAL);
            critical = flag;
        }
        if ((rejected = Checks.problem(row, TYPE, ACKNOWLEDGED_AT, id)) != null) return rejected;
        long acknowledgedAt = Checks.timedInstant(row, ACKNOWLEDGED_AT);
        if (acknowledgedAt == LocalDateTimes.UNPARSABLE) return unparsable(id, ACKNOWLEDGED_AT);
        if ((rejected = Checks.problem(row, TYPE, CRITICAL_NOTIFIED_AT, id)) != null) return rejected;
        long notifiedAt = Checks.timedInstant(row, CRITICAL_NOTIFIED_AT);
        if (notifiedAt == LocalDateTimes.UNPARSABLE) return unparsable(id, CRITICAL_NOTIFIED_AT);

        byte[] payload = new ResultRecord(discipline, urgent, critical, acknowledgedAt, notifiedAt).encode();
        return new RowResult.Accepted(id, row.get(PATIENT), resultAt, payload);
    }

    /** Routine when empty; null when the value is outside the set. */
    static Boolean parseUrgent(String value) {
        if (value == null) return Boolean.FALSE;
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "routine", "regulier" -> Boolean.FALSE;
            case "urgent", "spoed", "cito" -> Boolean.TRUE;
            default -> null;
        };
    }


    private static RowResult.Rejected unparsable(String id, int column) {
        return Checks.unparsable(TYPE, id, column);
    }
}
