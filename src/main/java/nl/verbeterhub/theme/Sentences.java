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
}
