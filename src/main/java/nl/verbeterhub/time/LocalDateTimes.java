package nl.verbeterhub.time;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Strict parser for the CSV date-time forms of domain.md §2, returning whole epoch seconds.
 *
 * <p>Hand-written instead of {@code DateTimeFormatter}: the formatter accepts {@code 001} for a
 * one-or-two digit field and costs about a microsecond per value on the hot path (see
 * docs/benchmarks.md). Tests cross-check every form against java.time.
 * <ul>
 *   <li>{@code d-M-uuuu H:mm[:ss]} (day, month, hour one or two digits) — local time; also {@code d-M-yy H:mm[:ss]},
 *       a two-digit year read as 20yy, as LibreOffice Calc writes it in a Dutch locale ({@code 19-09-25 01:51});</li>
 *   <li>{@code uuuu-MM-dd'T'HH:mm[:ss[.fraction]][offset]} and the same with a space —
 *       local time unless an offset ({@code Z}, {@code +01:00}, {@code +0100}) is given.</li>
 * </ul>
 * Fractions are truncated to whole seconds. Anything else, including impossible dates
 * ({@code 31-02-2025}) and {@code 24:00}, is unparsable.
 */
public final class LocalDateTimes {

    /** Returned for a value that is not one of the accepted forms. */
    public static final long UNPARSABLE = Long.MIN_VALUE;

    private LocalDateTimes() {
    }

    public static long parseEpochSecond(String s) {
        if (s == null || s.length() < 11) { // the shortest form: d-M-yy H:mm
            return UNPARSABLE;
        }
        if (startsIso(s)) {
            return parseIso(s);
        }
        return parseDutch(s);
    }

    /** ISO forms start with four digits and a dash; the Dutch form has a dash within its first three chars. */
    private static boolean startsIso(String s) {
        if (s.length() < 5 || s.charAt(4) != '-') return false;
        for (int i = 0; i < 4; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        }
        return true;
    }

    private static long parseDutch(String s) {
        DigitCursor c = new DigitCursor(s);
        int day = c.digits(1, 2);
        if (day < 0 || !c.expect('-')) return UNPARSABLE;
        int month = c.digits(1, 2);
        if (month < 0 || !c.expect('-')) return UNPARSABLE;
        int yearFrom = c.position();
        int year = c.digits(2, 4);
        int yearDigits = c.position() - yearFrom;
        if (year < 0 || yearDigits == 3 || !c.expect(' ')) return UNPARSABLE;
        if (yearDigits == 2) year += 2000; // domain.md §2: date-times only; a birth date keeps its four digits
        int hour = c.digits(1, 2);
        if (hour < 0 || !c.expect(':')) return UNPARSABLE;
        int minute = c.digits(2, 2);
        if (minute < 0) return UNPARSABLE;
        int second = 0;
        if (c.expect(':')) {
            second = c.digits(2, 2);
            if (second < 0) return UNPARSABLE;
        }
        if (!c.atEnd()) return UNPARSABLE;
        return local(year, month, day, hour, minute, second);
    }

    private static long parseIso(String s) {
        DigitCursor c = new DigitCursor(s);
        int year = c.digits(4, 4);
        if (year < 0 || !c.expect('-')) return UNPARSABLE;
        int month = c.digits(2, 2);
        if (month < 0 || !c.expect('-')) return UNPARSABLE;
        int day = c.digits(2, 2);
        if (day < 0) return UNPARSABLE;
        if (!c.expect('T') && !c.expect(' ')) return UNPARSABLE;
        int hour = c.digits(2, 2);
        if (hour < 0 || !c.expect(':')) return UNPARSABLE;
        int minute = c.digits(2, 2);
        if (minute < 0) return UNPARSABLE;
        int second = 0;
        if (c.expect(':')) {
            second = c.digits(2, 2);
            if (second < 0) return UNPARSABLE;
            if (c.expect('.') && c.digits(1, 9) < 0) return UNPARSABLE;
        }
        if (c.atEnd()) {
            return local(year, month, day, hour, minute, second);
        }
        int offsetSeconds = c.offset();
        if (offsetSeconds == Integer.MIN_VALUE || !c.atEnd()) return UNPARSABLE;
        if (!validDateTime(year, month, day, hour, minute, second)) return UNPARSABLE;
        return LocalDateTime.of(year, month, day, hour, minute, second)
                .toEpochSecond(ZoneOffset.ofTotalSeconds(offsetSeconds));
    }

    private static long local(int year, int month, int day, int hour, int minute, int second) {
        if (!validDateTime(year, month, day, hour, minute, second)) return UNPARSABLE;
        return Amsterdam.toEpochSecond(LocalDateTime.of(year, month, day, hour, minute, second));
    }

    static boolean validDateTime(int year, int month, int day, int hour, int minute, int second) {
        return validDate(year, month, day) && hour <= 23 && minute <= 59 && second <= 59;
    }

    static boolean validDate(int year, int month, int day) {
        return month >= 1 && month <= 12 && day >= 1 && day <= LocalDate.of(year, month, 1).lengthOfMonth();
    }

    /** A birth date: {@code uuuu-MM-dd} or {@code d-M-uuuu}; null when unparsable. */
    public static LocalDate parseDate(String s) {
        if (s == null) return null;
        DigitCursor c = new DigitCursor(s);
        int year;
        int month;
        int day;
        if (startsIso(s)) {
            year = c.digits(4, 4);
            if (year < 0 || !c.expect('-')) return null;
            month = c.digits(2, 2);
            if (month < 0 || !c.expect('-')) return null;
            day = c.digits(2, 2);
        } else {
            day = c.digits(1, 2);
            if (day < 0 || !c.expect('-')) return null;
            month = c.digits(1, 2);
            if (month < 0 || !c.expect('-')) return null;
            year = c.digits(4, 4);
        }
        if (year < 0 || day < 0 || !c.atEnd() || !validDate(year, month, day)) return null;
        return LocalDate.of(year, month, day);
    }
}
