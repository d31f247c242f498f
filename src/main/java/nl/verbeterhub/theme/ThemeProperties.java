package nl.verbeterhub.theme;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A theme's settings as they are configured under {@code hub.themes.<theme in lower case>}: a record in the
 * theme's package whose components carry their defaults (Spring's {@code @DefaultValue}), bound by the
 * hub's configuration, that gives the settings the theme's module takes. Its definition names it
 * ({@link ThemeDefinition#propertiesType()}).
 *
 * @param <S> the settings the module takes
 */
public interface ThemeProperties<S> {

    /** @throws ThemeSettingsException naming the setting or file when a value is invalid; the hub does not start */
    S toSettings();

    /** Configured codes trimmed and cased as the records' values are compared. */
    static Set<String> cased(Set<String> values, UnaryOperator<String> casing) {
        return values.stream().map(v -> casing.apply(v.trim())).collect(Collectors.toUnmodifiableSet());
    }

    /** Keys and values trimmed and cased: an environment variable's map key arrives lower-cased. */
    static Map<String, String> cased(Map<String, String> map, UnaryOperator<String> keyCasing, UnaryOperator<String> valueCasing) {
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(keyCasing.apply(k.trim()), valueCasing.apply(v.trim())));
        return Map.copyOf(out);
    }
}
