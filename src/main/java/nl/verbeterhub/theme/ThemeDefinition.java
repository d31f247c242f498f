package nl.verbeterhub.theme;

import nl.verbeterhub.record.RecordTables;

/**
 * A theme as its package defines it: the theme, its record types (through {@link RecordTables}) and how its
 * module is built from the hub's settings. Each theme package has exactly one, registered on one line of
 * {@code META-INF/services/nl.verbeterhub.record.RecordTables}; nothing else lists themes. Its draft's
 * {@code indicators} shape is the resource {@value #SCHEMA_FRAGMENT} next to it.
 */
public interface ThemeDefinition extends RecordTables {

    String SCHEMA_FRAGMENT = "indicators.schema.json";

    Theme theme();

    ThemeModule module(ThemeSettings settings);

    /** The registered definition of a theme. */
    static ThemeDefinition of(Theme theme) {
        return Theme.definitions().stream().filter(d -> d.theme() == theme).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(theme + " is not registered"));
    }
}
