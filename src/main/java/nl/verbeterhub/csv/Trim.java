package nl.verbeterhub.csv;

/**
 * Trims what spreadsheets leave around values: ASCII control and space characters, Unicode whitespace
 * and no-break spaces (U+00A0, U+2007, U+202F), which {@link String#trim()} and {@link String#strip()}
 * both keep.
 */
final class Trim {

    private Trim() {
    }

    static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) start++;
        while (end > start && isSpace(s.charAt(end - 1))) end--;
        return start == 0 && end == s.length() ? s : s.substring(start, end);
    }

    static boolean isBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isSpace(s.charAt(i))) return false;
        }
        return true;
    }

    private static boolean isSpace(char c) {
        return c <= ' ' || (c >= '\u0080' && (Character.isWhitespace(c) || Character.isSpaceChar(c)));
    }
}
