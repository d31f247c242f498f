package nl.verbeterhub.theme.antistolling;

import java.util.Locale;

/** The periprocedural {@code plan} (themes.md §2.1); the code is what a payload keeps. */
enum Plan {
    CONTINUE(1), INTERRUPT(2), /** Interrupt plus therapeutic LMWH. */ BRIDGE(3);

    private final byte code;

    Plan(int code) {
        this.code = (byte) code;
    }

    byte code() {
        return code;
    }

    /** Null for code 0, an absent value. */
    static Plan ofCode(byte code) {
        for (Plan p : values()) {
            if (p.code == code) return p;
        }
        return null;
    }

    /** English or Dutch, case-insensitive; null when the value is outside the set. */
    static Plan parse(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "continue", "doorgaan" -> CONTINUE;
            case "interrupt", "onderbreken" -> INTERRUPT;
            case "bridge", "overbruggen" -> BRIDGE;
            default -> null;
        };
    }
}
