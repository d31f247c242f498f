package nl.verbeterhub.time;

/** A tiny scanner over ASCII digits and separators; returns -1 / false on any mismatch. */
final class DigitCursor {

    private final String s;
    private int pos;

    DigitCursor(String s) {
        this.s = s;
    }

    int digits(int min, int max) {
        int value = 0;
        int n = 0;
        while (pos < s.length() && n < max) {
            char ch = s.charAt(pos);
            if (ch < '0' || ch > '9') break;
            value = value * 10 + (ch - '0');
            pos++;
            n++;
        }
        return n >= min ? value : -1;
    }

    /** Skips any number of digits (a fraction of a second, which is truncated anyway); returns how many. */
    int skipDigits() {
        int from = pos;
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') pos++;
        return pos - from;
    }

    boolean expect(char ch) {
        if (pos < s.length() && s.charAt(pos) == ch) {
            pos++;
            return true;
        }
        return false;
    }

    boolean atEnd() {
        return pos == s.length();
    }

    int position() {
        return pos;
    }

    /** {@code Z}, {@code ±HH:MM} or {@code ±HHMM}, at most ±18:00; MIN_VALUE when invalid. */
    int offset() {
        if (expect('Z')) return 0;
        int sign;
        if (expect('+')) sign = 1;
        else if (expect('-')) sign = -1;
        else return Integer.MIN_VALUE;
        int hours = digits(2, 2);
        if (hours < 0) return Integer.MIN_VALUE;
        expect(':');
        int minutes = digits(2, 2);
        if (minutes < 0 || minutes > 59 || hours > 18 || (hours == 18 && minutes > 0)) return Integer.MIN_VALUE;
        return sign * (hours * 3600 + minutes * 60);
    }
}
