package nl.verbeterhub.record;

import java.math.BigDecimal;
import java.util.Locale;

/** Strict parsers for CSV values (domain.md §2). Each returns null for a value it cannot read. */
public final class Values {

    private Values() {
    }

    /** true/false, ja/nee, j/n, yes/no, y/n, 1/0, waar/onwaar — case-insensitive. */
    public static Boolean parseBoolean(String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "ja", "j", "yes", "y", "1", "waar":
                return Boolean.TRUE;
            case "false", "nee", "n", "no", "0", "onwaar":
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    /** Longer numbers are unparsable: no score needs them, and huge ones cost quadratic time to read. */
    public static final int MAX_NUMBER_LENGTH = 100;

    /**
     * A decimal with {@code .} or {@code ,} as separator and an optional sign ({@code 4}, {@code 4,5},
     * {@code -1}); no exponents, no grouping, at least one digit on each side of the separator.
     */
    public static BigDecimal parseDecimal(String s) {
        int n = s.length();
        if (n > MAX_NUMBER_LENGTH) return null;
        int i = 0;
        if (n > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-')) i++;
        int intDigits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            intDigits++;
        }
        if (intDigits == 0) return null;
        if (i < n) {
            char sep = s.charAt(i);
            if (sep != '.' && sep != ',') return null;
            i++;
            int fracDigits = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                fracDigits++;
            }
            if (fracDigits == 0 || i < n) return null;
        }
        return new BigDecimal(s.replace(',', '.'));
    }

    /**
     * A whole number: {@code 4}, also {@code 4.0} or {@code 4,0}; {@code 4.5} is not. Values beyond the
     * int range come back as {@link Long#MAX_VALUE} or {@link Long#MIN_VALUE} so that range checks reject
     * them as out of range rather than unparsable. Null when unparsable.
     */
    public static Long parseWhole(String s) {
        BigDecimal d = parseDecimal(s);
        if (d == null) return null;
        BigDecimal stripped = d.stripTrailingZeros();
        if (stripped.scale() > 0) return null;
        if (stripped.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) return Long.MAX_VALUE;
        if (stripped.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0) return Long.MIN_VALUE;
        return stripped.longValueExact();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** An urgency as NUCHTER and ANTISTOLLING read it: elective when empty; null outside the set. */
    public static Boolean parseUrgency(String value) {
        if (value == null) return Boolean.FALSE;
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "elective", "electief" -> Boolean.FALSE;
            case "urgent", "spoed", "acuut" -> Boolean.TRUE;
            default -> null;
        };
    }
}
