package nl.verbeterhub.theme;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import nl.verbeterhub.record.RecordTables;

/**
 * A theme as its package defines it: the theme, its record types (through {@link RecordTables}), its
 * settings under {@code hub.themes.<theme>} and how its module is built from them. Each theme package has
 * exactly one, registered on one line of {@code META-INF/services/nl.verbeterhub.record.RecordTables};
 * nothing else lists themes. Its draft's
 * {@code indicators} shape is the resource {@value #SCHEMA_FRAGMENT} next to it, the console's names of its
 * indicators {@value #INDICATOR_LABELS}.
 */
public interface ThemeDefinition extends RecordTables {

    String SCHEMA_FRAGMENT = "indicators.schema.json";

    /** The console's names of its indicators, by their path in the draft (UTF-8 properties next to it). */
    String INDICATOR_LABELS = "indicator-labels.properties";

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

    /** Its {@value #INDICATOR_LABELS}: indicator path ({@code letterMinutes.median}) → label; empty when it has none. */
    default Map<String, String> indicatorLabels() {
        try (InputStream in = getClass().getResourceAsStream(INDICATOR_LABELS)) {
            if (in == null) return Map.of();
            Properties labels = new Properties();
            labels.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> byPath = new HashMap<>();
            labels.stringPropertyNames().forEach(path -> byPath.put(path, labels.getProperty(path)));
            return Map.copyOf(byPath);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the indicator labels of " + theme(), e);
        }
    }

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
