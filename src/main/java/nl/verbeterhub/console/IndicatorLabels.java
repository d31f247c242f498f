package nl.verbeterhub.console;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.ThemeDefinition;

/**
 * Readable names of the drafts' indicators, from each theme's own {@link ThemeDefinition#INDICATOR_LABELS}:
 * the same name means different things in different themes (NUCHTER's and ANTISTOLLING's
 * {@code procedures}). An indicator not listed, or of a theme this hub does not know, shows its own name.
 */
final class IndicatorLabels {

    private static final Map<String, Map<String, String>> BY_THEME = new ConcurrentHashMap<>();

    private IndicatorLabels() {
    }

    static String label(String themeCode, String name) {
        return BY_THEME.computeIfAbsent(themeCode, IndicatorLabels::labels).getOrDefault(name, name);
    }

    private static Map<String, String> labels(String themeCode) {
        for (Theme theme : Theme.values()) {
            if (theme.name().equals(themeCode)) return ThemeDefinition.of(theme).indicatorLabels();
        }
        return Map.of();
    }
}
