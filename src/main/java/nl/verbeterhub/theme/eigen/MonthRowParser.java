package nl.verbeterhub.theme.eigen;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;
import nl.verbeterhub.record.Checks;
import nl.verbeterhub.record.ReasonCode;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.record.Row;
import nl.verbeterhub.record.RowParser;
import nl.verbeterhub.record.RowResult;
import nl.verbeterhub.record.Values;
import nl.verbeterhub.time.Amsterdam;

/**
 * Own-goal months, checked against the hospital's definition in the order of themes.md §4.3: required
 * fields (the denominator only for a proportion), then indicator_id, month, numerator, denominator, then
 * their ranges. The record id is the definition's spelling of the indicator plus the month, so a month
 * delivered again, in any case, replaces the earlier one.
 */
final class MonthRowParser implements RowParser {

    private static final RecordType TYPE = EigenTheme.EIGEN_MONTH;
    /**
     * The largest number kept: twelve of them still sum within a long. The contract sets no upper bound; a
     * hospital's monthly count never comes near 7.7 × 10^17, and a number beyond it is {@code OUT_OF_RANGE}.
     */
    static final long MAX_KEPT = Long.MAX_VALUE / 12;
    private static final int INDICATOR = TYPE.column("indicator_id");
    private static final int MONTH = TYPE.column("month");
    private static final int NUMERATOR = TYPE.column("numerator");
    private static final int DENOMINATOR = TYPE.column("denominator");
    private static final Pattern YEAR_MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private final OwnGoals goals;
    private final OwnGoal goal;

    /** Unbound: every indicator is unknown until {@link #forHospital} gives the hospital's definition. */
    MonthRowParser(OwnGoals goals) {
        this(goals, OwnGoal.EMPTY);
    }

    private MonthRowParser(OwnGoals goals, OwnGoal goal) {
        this.goals = goals;
        this.goal = goal;
    }

    @Override
    public RowParser forHospital(String agb) {
        return new MonthRowParser(goals, goals.definition(agb));
    }

    @Override
    public RowResult parse(Row row) {
        String delivered = row.get(INDICATOR);
        OwnGoalIndicator indicator = delivered == null ? null : goal.indicator(delivered);
        String month = row.get(MONTH);
        // An unknown indicator keeps its delivered spelling: the id then only marks the line in a snapshot.
        String id = delivered == null || month == null ? null
                : (indicator == null ? delivered : indicator.id()) + "|" + month;
        RowResult.Rejected rejected = Checks.structural(row, TYPE, id);
        if (rejected != null) return rejected;
        boolean proportion = indicator != null && indicator.proportion();
        if (proportion && Checks.missing(row, DENOMINATOR)) return reject(id, ReasonCode.MISSING_FIELD, "denominator");

        if ((rejected = Checks.problem(row, TYPE, INDICATOR, id)) != null) return rejected;
        if (indicator == null) return reject(id, ReasonCode.UNPARSABLE, "indicator_id");
        if ((rejected = Checks.problem(row, TYPE, MONTH, id)) != null) return rejected;
        YearMonth yearMonth = parseMonth(month);
        if (yearMonth == null) return reject(id, ReasonCode.UNPARSABLE, "month");
        if ((rejected = Checks.problem(row, TYPE, NUMERATOR, id)) != null) return rejected;
        Long numerator = whole(row.get(NUMERATOR));
        if (numerator == null) return reject(id, ReasonCode.UNPARSABLE, "numerator");
        if ((rejected = Checks.problem(row, TYPE, DENOMINATOR, id)) != null) return rejected;
        Long denominator = null;
        if (row.get(DENOMINATOR) != null) {
            denominator = whole(row.get(DENOMINATOR));
            if (denominator == null) return reject(id, ReasonCode.UNPARSABLE, "denominator");
        }

        if (numerator < 0 || numerator > MAX_KEPT || (proportion && numerator > denominator)) {
            return reject(id, ReasonCode.OUT_OF_RANGE, "numerator");
        }
        if (denominator != null && (denominator < 0 || denominator > MAX_KEPT)) {
            return reject(id, ReasonCode.OUT_OF_RANGE, "denominator");
        }

        long anchor = Amsterdam.toEpochSecond(yearMonth.atDay(1).atStartOfDay());
        // A count's denominator is checked but not kept: it means nothing for a count (§4.2).
        long kept = proportion ? denominator : MonthRecord.ABSENT;
        byte[] payload = new MonthRecord(indicator.id(), numerator, kept).encode();
        return new RowResult.Accepted(id, RowResult.NO_PATIENT, anchor, payload);
    }

    /** Exactly {@code yyyy-MM} with a real month ({@code 2025-1} and {@code 2025-13} are not). */
    static YearMonth parseMonth(String value) {
        if (!YEAR_MONTH.matcher(value).matches()) return null;
        int m = Integer.parseInt(value.substring(5));
        if (m < 1 || m > 12) return null;
        return YearMonth.from(LocalDate.of(Integer.parseInt(value.substring(0, 4)), m, 1));
    }

    private static RowResult.Rejected reject(String id, ReasonCode reason, String field) {
        return new RowResult.Rejected(id, reason, field);
    }

    /** A whole number ({@code 4}, {@code 4.0}, {@code 4,0}) in the long range; beyond {@link #MAX_KEPT} it is out of range. */
    private static Long whole(String value) {
        java.math.BigDecimal d = Values.parseDecimal(value);
        if (d == null) return null;
        d = d.stripTrailingZeros();
        if (d.scale() > 0) return null;
        if (d.abs().compareTo(java.math.BigDecimal.valueOf(MAX_KEPT)) > 0) return d.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        return d.longValueExact();
    }
}
