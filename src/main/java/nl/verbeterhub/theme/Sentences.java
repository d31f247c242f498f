package nl.verbeterhub.theme;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** Dutch wording of published values for the pdca.check sentences; a suppressed value stays unnamed. */
public final class Sentences {

    private Sentences() {
    }

    public static String number(JsonNode value) {
        return value == null || value.isNull() ? "een klein aantal" : value.asText();
    }

    /** A share as a Dutch percentage ({@code 0.0898} → {@code 8,98%}), or null when not published. */
    public static String percentage(JsonNode share) {
        if (share == null || share.isNull()) return null;
        BigDecimal percent = share.decimalValue().movePointRight(2).stripTrailingZeros();
        return percent.toPlainString().replace('.', ',') + "%";
    }

    /**
     * A share as themes.md §0.3 writes it in {@code pdca.check}: a percentage with one decimal and a
     * decimal comma, half-up from the published value ({@code 0.6667} → {@code 66,7%}); {@code onbekend}
     * when null.
     */
    public static String percentOneDecimal(JsonNode share) {
        if (share == null || share.isNull()) return "onbekend";
        return share.decimalValue().movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString()
                .replace('.', ',') + "%";
    }

    /** A whole number as digits, {@code onbekend} when null (themes.md §0.3). */
    public static String wholeOrUnknown(JsonNode value) {
        return value == null || value.isNull() ? "onbekend" : value.asText();
    }
}
