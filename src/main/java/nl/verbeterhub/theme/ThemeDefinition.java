package nl.verbeterhub.theme;

import java.util.List;
import nl.verbeterhub.record.RecordTables;

/**
 * A theme as its package defines it: the theme, its record types (through {@link RecordTables}), its
 * settings under {@code hub.themes.<theme>} and how its module is built from them. Each theme package has exactly one, registered on one line of
 * {@code META-INF/services/nl.verbeterhub.record.RecordTables}; nothing else lists themes. Its draft's
 * {@code indicators} shape is the resource {@value #SCHEMA_FRAGMENT} next to it.
 */
public interface ThemeDefinition extends RecordTables {

    String SCHEMA_FRAGMENT = "indicators.schema.json";

    Theme theme();

    /**
     * The record {@code hub.themes.<code in lower case>} is bound to, with its defaults; null when the theme
     * has no settings of its own.
     */
    default Class<? extends ThemeProperties<?>> propertiesType() {
        return null;
    }

    /** Its settings for tests and tools that configure nothing (EIGEN: no own goals); null when it has none. */
    default Object defaultSettings() {
        return null;
    }

    /** Its module, from the pain scales and every theme's settings ({@link ThemeSettings#of}). */
    ThemeModule module(ThemeSettings settings);

    /** Every registered definition, in registration order. */
    static List<ThemeDefinition> all() {
        return Theme.definitions();
    }

    /** The registered definition of a theme. */
    static ThemeDefinition of(Theme theme) {
        return Theme.definitions().stream().filter(d -> d.theme() == theme).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(theme + " is not registered"));
    }
}
