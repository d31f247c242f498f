package nl.verbeterhub.fhir;

import java.math.BigDecimal;

/** The text of a JSON number as the hub reads values: a FHIR decimal may carry an exponent, CSV never does. */
final class Numbers {

    /** Exponents beyond this are left as they are (and so unparsable): a plain form would be huge. */
    private static final int MAX_EXPONENT = 100;

    private Numbers() {
    }

    /** {@code 1e1} → {@code 10}, {@code 4.5E0} → {@code 4.5}; any other text unchanged. */
    static String plain(String number) {
        if (number == null || number.length() > 100 || (number.indexOf('e') < 0 && number.indexOf('E') < 0)) {
            return number;
        }
        try {
            BigDecimal d = new BigDecimal(number);
            return Math.abs(d.scale()) > MAX_EXPONENT ? number : d.toPlainString();
        } catch (NumberFormatException e) {
            return number;
        }
    }
}
