package nl.verbeterhub.theme.antistolling;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the {@code anticoagulant} column (themes.md §2.1, §0.7 "ATC codes"): a class name, or a 5- or
 * 7-character ATC code classed by its longest prefix in {@code anticoagulant-atc}; both case-insensitive.
 * Anything else has no class, which the parser rejects as {@code UNPARSABLE}.
 */
final class AnticoagulantClasses {

    private final Map<String, AnticoagulantClass> byPrefix = new HashMap<>();

    AnticoagulantClasses(Map<String, String> anticoagulantAtc) {
        anticoagulantAtc.forEach((prefix, name) -> byPrefix.put(prefix.trim().toUpperCase(Locale.ROOT),
                AnticoagulantClass.configured(name, "anticoagulant-atc " + prefix)));
    }

    /** The class of a non-empty value, or null when it has none. */
    AnticoagulantClass classOf(String value) {
        AnticoagulantClass named = AnticoagulantClass.named(value);
        if (named != null) return named;
        String code = value.toUpperCase(Locale.ROOT);
        if (code.length() != 5 && code.length() != 7) return null;
        for (int n = code.length(); n > 0; n--) {
            AnticoagulantClass c = byPrefix.get(code.substring(0, n));
            if (c != null) return c;
        }
        return null;
    }
}
