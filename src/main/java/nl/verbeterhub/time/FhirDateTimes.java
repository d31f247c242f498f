package nl.verbeterhub.time;

import java.time.LocalDate;

/**
 * Strict parser for FHIR R4 {@code date} and {@code dateTime} values (domain.md §6), returning whole epoch
 * seconds. A time carries its own offset ({@code Z}, {@code +01:00}); one without is unparsable. A date
 * only ({@code 2019-05-01}) anchors at local midnight in Amsterdam where the record allows one; a year or
 * a year-month is never a date. Like every date-time of the hub, a value is truncated to whole seconds.
 * What FHIR's own grammar allows beyond the CSV forms: a fraction of any length. What other systems send
 * and is tolerated: a time without seconds and an offset without its colon, as HAPI FHIR reads them.
 */
public final class FhirDateTimes {

    /** Returned for a value that is not a date-time (or date, where allowed) of the accepted forms. */
    public static final long UNPARSABLE = LocalDateTimes.UNPARSABLE;
    private static final int DATE_LENGTH = 10;

    private FhirDateTimes() {
    }

    /** A dateTime where the record needs a time (a measurement, an induction, an intake): a date only is unparsable. */
    public static long instant(String s) {
        if (s == null || s.length() <= DATE_LENGTH) return UNPARSABLE;
        return parse(s);
    }

    /** A dateTime that may be a date only (a VBI's or an admission's start and end): a date anchors at local midnight. */
    public static long instantOrDate(String s) {
        if (s == null) return UNPARSABLE;
        if (s.length() == DATE_LENGTH) {
            LocalDate date = date(s);
            return date == null ? UNPARSABLE : Amsterdam.toEpochSecond(date.atStartOfDay());
        }
        return parse(s);
    }

    /** Whether the value has the form of a full date without a time ({@code YYYY-MM-DD}). */
    public static boolean isDate(String s) {
        return s != null && s.length() == DATE_LENGTH;
    }

    /** A FHIR {@code date} such as a birth date: {@code YYYY-MM-DD}; null for a year, a year-month or no real date. */
    public static LocalDate date(String s) {
        if (s == null || s.length() != DATE_LENGTH) return null;
        DigitCursor c = new DigitCursor(s);
        int year = c.digits(4, 4);
        if (year < 1 || !c.expect('-')) return null;
        int month = c.digits(2, 2);
        if (month < 0 || !c.expect('-')) return null;
        int day = c.digits(2, 2);
        if (day < 0 || !c.atEnd() || !LocalDateTimes.validDate(year, month, day)) return null;
        return LocalDate.of(year, month, day);
    }

    private static long parse(String s) {
        DigitCursor c = new DigitCursor(s);
        int year = c.digits(4, 4);
        if (year < 1 || !c.expect('-')) return UNPARSABLE;
        int month = c.digits(2, 2);
        if (month < 0 || !c.expect('-')) return UNPARSABLE;
        int day = c.digits(2, 2);
        if (day < 0 || !c.expect('T')) return UNPARSABLE;
        int hour = c.digits(2, 2);
        if (hour < 0 || !c.expect(':')) return UNPARSABLE;
        int minute = c.digits(2, 2);
        if (minute < 0) return UNPARSABLE;
        int second = 0;
        if (c.expect(':')) {
            second = c.digits(2, 2);
            if (second < 0) return UNPARSABLE;
            if (c.expect('.') && c.skipDigits() == 0) return UNPARSABLE;
        }
        int offsetSeconds = c.offset();
        if (offsetSeconds == Integer.MIN_VALUE || !c.atEnd()) return UNPARSABLE;
        if (!LocalDateTimes.validDateTime(year, month, day, hour, minute, second)) return UNPARSABLE;
        // Arithmetic rather than ZoneOffset.ofTotalSeconds, whose cache lookup cost more than the parse.
        return LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3_600L + minute * 60L + second - offsetSeconds;
    }
}
