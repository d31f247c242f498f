package nl.verbeterhub.theme.antistolling;

import java.util.Locale;

/** {@code bleeding_risk} of the current guideline (themes.md §2.1); the code is what a payload keeps. */
enum BleedingRisk {
    LOW(1), INTERMEDIATE(2), HIGH(3);

    private final byte code;

    BleedingRisk(int code) {
        this.code = (byte) code;
    }

    byte code() {
        return code;
    }

    /** Null for code 0, an absent value. */
    static BleedingRisk ofCode(byte code) {
        for (BleedingRisk r : values()) {
            if (r.code == code) return r;
        }
        return null;
    }

    /** English or Dutch, case-insensitive; null when the value is outside the set. */
    static BleedingRisk parse(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "low", "laag" -> LOW;
            case "intermediate", "intermediair" -> INTERMEDIATE;
            case "high", "hoog" -> HIGH;
            default -> null;
        };
    }
}
