package nl.verbeterhub.theme.antistolling;

import java.util.Locale;

/**
 * The classes of themes.md §2.1, in the order of {@code byAnticoagulant}. The code is what a payload
 * keeps: fixed, so that kept records read the same whatever the enum's order.
 */
public enum AnticoagulantClass {
    VKA(1), DOAC(2), LMWH(3), TAR(4), DAPT(5);

    private final byte code;

    AnticoagulantClass(int code) {
        this.code = (byte) code;
    }

    byte code() {
        return code;
    }

    static AnticoagulantClass ofCode(byte code) {
        for (AnticoagulantClass c : values()) {
            if (c.code == code) return c;
        }
        throw new IllegalArgumentException("unknown anticoagulant class code " + code);
    }

    /** The class of this name, case-insensitive; null for any other value. */
    public static AnticoagulantClass named(String name) {
        String upper = name.trim().toUpperCase(Locale.ROOT);
        for (AnticoagulantClass c : values()) {
            if (c.name().equals(upper)) return c;
        }
        return null;
    }

    /** A class named in configuration: an unknown name is a configuration error, not a value to skip. */
    static AnticoagulantClass configured(String name, String setting) {
        AnticoagulantClass c = named(name);
        if (c == null) {
            throw new IllegalArgumentException(setting + ": unknown anticoagulant class '" + name
                    + "' (expected VKA, DOAC, LMWH, TAR or DAPT)");
        }
        return c;
    }
}
