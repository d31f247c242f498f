package nl.verbeterhub.theme;

import java.util.HashMap;
import java.util.Map;
import nl.verbeterhub.theme.pijn.PainScales;

/**
 * Every theme's configuration as the modules are built from it: the pain scales ({@code hub.pain.*},
 * domain.md §8) and each theme's own settings ({@code hub.themes.<theme>.*}, {@link ThemeProperties}).
 */
public final class ThemeSettings {

    private final PainScales pain;
    private final Map<Theme, Object> byTheme;

    private ThemeSettings(PainScales pain, Map<Theme, Object> byTheme) {
        this.pain = pain;
        this.byTheme = Map.copyOf(byTheme);
    }

    /** Every theme's defaults (tests and tools that configure nothing). */
    public static ThemeSettings defaults() {
        Map<Theme, Object> byTheme = new HashMap<>();
        for (ThemeDefinition definition : Theme.definitions()) {
            Object settings = definition.defaultSettings();
            if (settings != null) byTheme.put(definition.theme(), settings);
        }
        return new ThemeSettings(PainScales.defaults(), byTheme);
    }

    public PainScales pain() {
        return pain;
    }

    /**
     * A theme's settings.
     *
     * @throws IllegalStateException when the theme has none of that type (a definition that gives none)
     */
    public <S> S of(Theme theme, Class<S> type) {
        Object settings = byTheme.get(theme);
        if (!type.isInstance(settings)) throw new IllegalStateException(theme + " has no settings of type " + type.getSimpleName());
        return type.cast(settings);
    }

    public ThemeSettings withPain(PainScales scales) {
        return new ThemeSettings(scales, byTheme);
    }

    /** These settings with one theme's replaced (its bound properties, or a test's own goals). */
    public ThemeSettings with(Theme theme, Object settings) {
        Map<Theme, Object> changed = new HashMap<>(byTheme);
        changed.put(theme, settings);
        return new ThemeSettings(pain, changed);
    }
}
