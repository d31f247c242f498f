package nl.verbeterhub.fhir;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.function.UnaryOperator;
import nl.verbeterhub.record.ReasonCode;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.theme.eigen.EigenTheme;
import nl.verbeterhub.time.Amsterdam;
import nl.verbeterhub.time.FhirDateTimes;

/**
 * An own-goal month from a {@code summary} MeasureReport (themes.md §4.4): the indicator is the last path
 * segment of {@code measure}, the month its period's, the numbers its first group's populations. The id is
 * the one a CSV month gets (the EIGEN parser makes it), so FHIR and CSV deliveries replace each other.
 */
final class EigenRows {

    private static final RecordType TYPE = EigenTheme.EIGEN_MONTH;
    private static final int INDICATOR = TYPE.column("indicator_id");
    private static final int MONTH = TYPE.column("month");
    private static final int NUMERATOR = TYPE.column("numerator");
    private static final int DENOMINATOR = TYPE.column("denominator");

    private EigenRows() {
    }

    static boolean isMonth(FhirResource r) {
        return "MeasureReport".equals(r.resourceType) && "summary".equals(r.typeCode);
    }

    static FhirRow row(FhirResource r) {
        FhirRow row = new FhirRow(TYPE.columns().size()).set(INDICATOR, indicator(r.measure));
        if (r.periodStart != null || r.periodEnd != null) {
            YearMonth month = month(r.periodStart, r.periodEnd);
            if (month == null) row.set(MONTH, "").problem(MONTH, ReasonCode.UNPARSABLE);
            else row.set(MONTH, month.toString());
        }
        return row.set(NUMERATOR, count(r, "numerator")).set(DENOMINATOR, count(r, "denominator"));
    }

    /**
     * The id of the report's month as a CSV month gets it: the definition's spelling of the indicator (as
     * delivered when the definition has none), {@code |}, the month; null without either. What an
     * {@code entered-in-error} report removes, and what its rejection names it by.
     */
    static String id(FhirResource r, UnaryOperator<String> spelling) {
        String indicator = indicator(r.measure);
        YearMonth month = month(r.periodStart, r.periodEnd);
        return indicator == null || month == null ? null : spelling.apply(indicator) + "|" + month;
    }

    /** {@code http://…/Measure/mo-24u|2} → {@code mo-24u}. */
    static String indicator(String measure) {
        if (measure == null) return null;
        int bar = measure.indexOf('|');
        String canonical = bar < 0 ? measure : measure.substring(0, bar);
        String segment = canonical.substring(canonical.lastIndexOf('/') + 1);
        return segment.isBlank() ? null : segment;
    }

    /**
     * One local calendar month: {@code start} its first day (a date, or 00:00 local on it); {@code end} its last
     * day (a date, or a time on it) or 00:00 local on the next first day. Anything else is no month: null.
     */
    static YearMonth month(String start, String end) {
        LocalDateTime from = local(start);
        LocalDateTime to = local(end);
        if (from == null || to == null || from.getDayOfMonth() != 1 || !from.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
            return null;
        }
        YearMonth month = YearMonth.from(from);
        LocalDate last = month.atEndOfMonth();
        boolean onLastDay = to.toLocalDate().equals(last);
        boolean nextMidnight = to.equals(month.plusMonths(1).atDay(1).atStartOfDay()) && !FhirDateTimes.isDate(end);
        return onLastDay || nextMidnight ? month : null;
    }

    /** A date as its local midnight, a date-time with offset as its Amsterdam local time; null for anything else. */
    private static LocalDateTime local(String value) {
        if (value == null) return null;
        if (FhirDateTimes.isDate(value)) {
            LocalDate date = FhirDateTimes.date(value);
            return date == null ? null : date.atStartOfDay();
        }
        long instant = FhirDateTimes.instant(value);
        return instant == FhirDateTimes.UNPARSABLE ? null : Amsterdam.localDateTime(instant);
    }

    /** The count of the first population coded so in the measure-population system, as written; null when none. */
    private static String count(FhirResource r, String population) {
        for (int i = 0; i < r.populations.size(); i++) {
            if (Codes.MEASURE_POPULATION.equals(r.populations.system(i)) && population.equals(r.populations.code(i))) {
                return r.populationCounts.get(i);
            }
        }
        return null;
    }
}
