package nl.verbeterhub.extract;

/**
 * The shape of a value, which a report may show where the value itself may not be shown: every digit
 * becomes {@code d}, every letter {@code a}, except a whole word (a run of letters) that is {@code AM} or
 * {@code PM} in any case, which stays as written; a control or format character becomes {@code ?}; every
 * other character (punctuation, space) stays. Longer than {@value #MAX} characters: the first
 * {@value #MAX} and {@code …}. {@code 19/09/25 01:51 AM} is {@code dd/dd/dd dd:dd AM}, {@code JANSEN} is
 * {@code aaaaaa}.
 */
public final class ValueShape {

    /** Characters of a shape before it is cut off. */
    public static final int MAX = 40;

    private ValueShape() {
    }

    /** The value's shape; null for a value that is absent or empty. */
    public static String of(String value) {
        if (value == null || value.isEmpty()) return null;
        StringBuilder shape = new StringBuilder(Math.min(value.length(), MAX) + 1);
        int chars = 0;
        int i = 0;
        while (i < value.length() && chars < MAX) {
            int c = value.codePointAt(i);
            if (Character.isLetter(c)) {
                int end = i;
                while (end < value.length() && Character.isLetter(value.codePointAt(end))) {
                    end += Character.charCount(value.codePointAt(end));
                }
                String word = value.substring(i, end);
                boolean meridiem = word.equalsIgnoreCase("AM") || word.equalsIgnoreCase("PM");
                for (int w = 0; w < word.length() && chars < MAX; chars++) {
                    int letter = word.codePointAt(w);
                    if (meridiem) shape.appendCodePoint(letter);
                    else shape.append('a');
                    w += Character.charCount(letter);
                }
                i = end;
                continue;
            }
            if (Character.isDigit(c)) {
                shape.append('d');
            } else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                shape.append('?');
            } else {
                shape.appendCodePoint(c);
            }
            chars++;
            i += Character.charCount(c);
        }
        if (value.codePointCount(0, value.length()) > MAX) shape.append('…');
        return shape.toString();
    }
}
