package nl.verbeterhub.theme.eigen;

import java.time.LocalDate;
import nl.verbeterhub.record.Checks;
import nl.verbeterhub.record.ReasonCode;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.record.Row;
import nl.verbeterhub.record.RowParser;
import nl.verbeterhub.record.RowResult;
import nl.verbeterhub.time.Amsterdam;
import nl.verbeterhub.time.LocalDateTimes;

/**
 * Milestone reports, checked against the hospital's definition in the order of themes.md §4.3. The record
 * id is the definition's spelling of the milestone plus the year reported on, so each year keeps the
 * status last delivered for it.
 */
final class MilestoneRowParser implements RowParser {

    private static final RecordType TYPE = EigenTheme.EIGEN_MILESTONE;
    private static final int MILESTONE = TYPE.column("milestone_id");
    private static final int STATUS = TYPE.column("status");
    private static final int REPORTED_ON = TYPE.column("reported_on");

    private final OwnGoals goals;
    private final OwnGoal goal;

    /** Unbound: every milestone is unknown until {@link #forHospital} gives the hospital's definition. */
    MilestoneRowParser(OwnGoals goals) {
        this(goals, OwnGoal.EMPTY);
    }

    private MilestoneRowParser(OwnGoals goals, OwnGoal goal) {
        this.goals = goals;
        this.goal = goal;
    }

    @Override
    public RowParser forHospital(String agb) {
        return new MilestoneRowParser(goals, goals.definition(agb));
    }

    @Override
    public RowResult parse(Row row) {
        String delivered = row.get(MILESTONE);
        String milestone = delivered == null ? null : goal.milestoneId(delivered);
        // A date only: a time after it is unparsable (themes.md §0.7).
        LocalDate reportedOn = row.get(REPORTED_ON) == null ? null : LocalDateTimes.parseDate(row.get(REPORTED_ON));
        String id = delivered == null || reportedOn == null ? null
                : (milestone == null ? delivered : milestone) + "|" + reportedOn.getYear();
        RowResult.Rejected rejected = Checks.structural(row, TYPE, id);
        if (rejected != null) return rejected;

        if ((rejected = Checks.problem(row, TYPE, MILESTONE, id)) != null) return rejected;
        if (milestone == null) return reject(id, "milestone_id");
        if ((rejected = Checks.problem(row, TYPE, STATUS, id)) != null) return rejected;
        MilestoneStatus status = MilestoneStatus.parse(row.get(STATUS));
        if (status == null) return reject(id, "status");
        if ((rejected = Checks.problem(row, TYPE, REPORTED_ON, id)) != null) return rejected;
        if (reportedOn == null) return reject(id, "reported_on");

        long anchor = Amsterdam.toEpochSecond(reportedOn.atStartOfDay());
        return new RowResult.Accepted(id, RowResult.NO_PATIENT, anchor, new MilestoneRecord(milestone, status).encode());
    }

    private static RowResult.Rejected reject(String id, String field) {
        return new RowResult.Rejected(id, ReasonCode.UNPARSABLE, field);
    }
}
