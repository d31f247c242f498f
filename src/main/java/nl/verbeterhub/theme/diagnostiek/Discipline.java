package nl.verbeterhub.theme.diagnostiek;

import java.util.Locale;

/** A result's discipline (themes.md §3.1), as {@code byDiscipline} counts it; {@link #UNKNOWN} when not given. */
enum Discipline {
    LAB("lab", "laboratorium"),
    RADIOLOGY("radiology", "radiologie"),
    PATHOLOGY("pathology", "pathologie"),
    OTHER("other", "overig"),
    UNKNOWN("unknown", null);

    private final String key;
    private final String dutch;

    Discipline(String key, String dutch) {
        this.key = key;
        this.dutch = dutch;
    }

    /** The name in {@code byDiscipline}. */
    String key() {
        return key;
    }

    /** English or Dutch, any case; {@link #UNKNOWN} when absent, null when outside the set. */
    static Discipline parse(String value) {
        if (value == null) return UNKNOWN;
        String v = value.toLowerCase(Locale.ROOT);
        for (Discipline d : values()) {
            // "unknown" is what an empty value means, not a value a source may write.
            if (d != UNKNOWN && (d.key.equals(v) || d.dutch.equals(v))) return d;
        }
        return null;
    }
}
