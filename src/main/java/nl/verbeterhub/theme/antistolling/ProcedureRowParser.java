package nl.verbeterhub.theme.antistolling;

import nl.verbeterhub.record.Checks;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.record.Row;
import nl.verbeterhub.record.RowParser;
import nl.verbeterhub.record.RowResult;
import nl.verbeterhub.record.Values;
import nl.verbeterhub.time.LocalDateTimes;

/**
 * Periprocedural rows (themes.md §2.2): malformed, required fields, then every value in table order.
 * There are no range or cross-field checks: a plan after the procedure is late, a later INR no check,
 * and both are judged by the indicators. Urgent procedures are valid records; E drops them later.
 */
final class ProcedureRowParser implements RowParser {

    private static final RecordType TYPE = AntistollingTheme.ANTISTOLLING;
    private static final int ID = TYPE.column("procedure_id");
    private static final int PATIENT = TYPE.column("patient_id");
    private static final int PROCEDURE_AT = TYPE.column("procedure_at");
    private static final int ANTICOAGULANT = TYPE.column("anticoagulant");
    private static final int URGENCY = TYPE.column("urgency");
    private static final int BLEEDING_RISK = TYPE.column("bleeding_risk");
    private static final int PLAN = TYPE.column("plan");
    private static final int PLAN_RECORDED_AT = TYPE.column("plan_recorded_at");
    private static final int INR_AT = TYPE.column("inr_at");
    private static final int POSTPONED = TYPE.column("postponed");

    private final AnticoagulantClasses classes;

    ProcedureRowParser(AnticoagulantClasses classes) {
        this.classes = classes;
    }

    @Override
    public RowResult parse(Row row) {
        String id = row.get(ID);
        RowResult.Rejected rejected = Checks.structural(row, TYPE, id);
        if (rejected != null) return rejected;
        if ((rejected = Checks.problem(row, TYPE, PATIENT, id)) != null) return rejected;

        if ((rejected = Checks.problem(row, TYPE, PROCEDURE_AT, id)) != null) return rejected;
        long procedureAt = Checks.timedInstant(row, PROCEDURE_AT);
        if (procedureAt == LocalDateTimes.UNPARSABLE) return unparsable(id, PROCEDURE_AT);
        if ((rejected = Checks.problem(row, TYPE, ANTICOAGULANT, id)) != null) return rejected;
        AnticoagulantClass anticoagulant = classes.classOf(row.get(ANTICOAGULANT));
        if (anticoagulant == null) return unparsable(id, ANTICOAGULANT);
        if ((rejected = Checks.problem(row, TYPE, URGENCY, id)) != null) return rejected;
        Boolean urgent = Values.parseUrgency(row.get(URGENCY));
        if (urgent == null) return unparsable(id, URGENCY);
        if ((rejected = Checks.problem(row, TYPE, BLEEDING_RISK, id)) != null) return rejected;
        BleedingRisk risk = null;
        if (row.get(BLEEDING_RISK) != null && (risk = BleedingRisk.parse(row.get(BLEEDING_RISK))) == null) {
            return unparsable(id, BLEEDING_RISK);
        }
        if ((rejected = Checks.problem(row, TYPE, PLAN, id)) != null) return rejected;
        Plan plan = null;
        if (row.get(PLAN) != null && (plan = Plan.parse(row.get(PLAN))) == null) return unparsable(id, PLAN);
        if ((rejected = Checks.problem(row, TYPE, PLAN_RECORDED_AT, id)) != null) return rejected;
        long planRecordedAt = Checks.timedInstant(row, PLAN_RECORDED_AT);
        if (planRecordedAt == LocalDateTimes.UNPARSABLE) return unparsable(id, PLAN_RECORDED_AT);
        if ((rejected = Checks.problem(row, TYPE, INR_AT, id)) != null) return rejected;
        long inrAt = Checks.timedInstant(row, INR_AT);
        if (inrAt == LocalDateTimes.UNPARSABLE) return unparsable(id, INR_AT);
        if ((rejected = Checks.problem(row, TYPE, POSTPONED, id)) != null) return rejected;
        Boolean postponed = null;
        if (row.get(POSTPONED) != null && (postponed = Values.parseBoolean(row.get(POSTPONED))) == null) {
            return unparsable(id, POSTPONED);
        }

        byte[] payload = new ProcedureRecord(anticoagulant, urgent, risk, plan, planRecordedAt, inrAt, postponed).encode();
        return new RowResult.Accepted(id, row.get(PATIENT), procedureAt, payload);
    }


    private static RowResult.Rejected unparsable(String id, int column) {
        return Checks.unparsable(TYPE, id, column);
    }
}
