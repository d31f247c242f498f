package nl.verbeterhub.theme;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import nl.verbeterhub.record.RecordTables;
import nl.verbeterhub.record.RecordType;

/**
 * A verbeterdoel the hub reports on (domain.md §1, themes.md). Each theme package defines its theme as a
 * constant of its {@link ThemeDefinition}; {@link #values()} are the registered ones, in registration order,
 * which is also their order in drafts' listings.
 */
public final class Theme implements Comparable<Theme> {

    private final String code;
    private final String title;
    private final List<RecordType> feedingTypes;

    private Theme(String code, String title, List<RecordType> feedingTypes) {
        this.code = code;
        this.title = title;
        this.feedingTypes = feedingTypes;
    }

    /**
     * @param code the theme's code in drafts and keys: unique, upper case, never changed
     * @param feedingTypes every record type whose records change this theme's drafts
     */
    public static Theme define(String code, String title, RecordType... feedingTypes) {
        if (!code.matches("[A-Z][A-Z_]*")) throw new IllegalArgumentException("theme code not upper case: " + code);
        return new Theme(code, title, List.of(feedingTypes));
    }

    @JsonValue
    public String name() {
        return code;
    }

    public String title() {
        return title;
    }

    /** Every record type an extract may carry that changes this theme's drafts (VBI: also admissions; ANTISTOLLING: also shifts). */
    public List<RecordType> feedingTypes() {
        return feedingTypes;
    }

    @Override
    public int compareTo(Theme other) {
        return Integer.compare(position(this), position(other));
    }

    private static int position(Theme theme) {
        int at = Registry.THEMES.indexOf(theme);
        if (at < 0) throw new IllegalStateException("theme " + theme + " is not registered (META-INF/services)");
        return at;
    }

    @Override
    public String toString() {
        return code;
    }

    /** The registered themes, in registration order. */
    public static List<Theme> values() {
        return Registry.THEMES;
    }

    /** The registered definitions, in registration order (each builds its theme's module). */
    static List<ThemeDefinition> definitions() {
        return Registry.DEFINITIONS;
    }

    /** A theme by its exact code. @throws IllegalArgumentException when no registered theme has it */
    @JsonCreator
    public static Theme valueOf(String code) {
        for (Theme theme : Registry.THEMES) {
            if (theme.code.equals(code)) return theme;
        }
        throw new IllegalArgumentException("unknown theme " + code);
    }

    /**
     * The theme whose drafts a type's records count for (admissions count for VBI); null for a type that
     * feeds no theme (the patient link). The one type→theme mapping: it follows {@link #feedingTypes}.
     */
    public static Theme of(RecordType type) {
        for (Theme theme : Registry.THEMES) {
            if (theme.feedingTypes.contains(type)) return theme;
        }
        return null;
    }

    /** The registered {@link RecordTables}, each a {@link ThemeDefinition}; a clash of codes stops the hub. */
    private static final class Registry {
        static final List<ThemeDefinition> DEFINITIONS;
        static final List<Theme> THEMES;

        static {
            List<ThemeDefinition> definitions = new ArrayList<>();
            List<Theme> themes = new ArrayList<>();
            for (RecordTables tables : ServiceLoader.load(RecordTables.class, Theme.class.getClassLoader())) {
                if (!(tables instanceof ThemeDefinition definition)) {
                    throw new IllegalStateException(tables.getClass().getName() + " registers record types but is no ThemeDefinition");
                }
                Theme theme = definition.theme();
                if (themes.stream().anyMatch(t -> t.code.equals(theme.code))) {
                    throw new IllegalStateException("two themes are coded " + theme.code);
                }
                if (!definition.recordTypes().containsAll(theme.feedingTypes)) {
                    throw new IllegalStateException(theme.code + " is fed by record types its definition does not list");
                }
                definitions.add(definition);
                themes.add(theme);
            }
            DEFINITIONS = List.copyOf(definitions);
            THEMES = List.copyOf(themes);
        }
    }
}
