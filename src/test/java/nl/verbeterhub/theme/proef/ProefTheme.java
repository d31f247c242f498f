package nl.verbeterhub.theme.proef;

import java.util.List;
import java.util.Map;
import nl.verbeterhub.record.Column;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.record.RowParser;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.ThemeCalculator;
import nl.verbeterhub.theme.ThemeDefinition;
import nl.verbeterhub.theme.ThemeModule;
import nl.verbeterhub.theme.ThemeProperties;
import nl.verbeterhub.theme.ThemeSettings;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A theme that exists only for {@code AddedThemeIT}: everything a theme is, in this one package, registered
 * by a services line that only that test's hub process sees (decision 99). Measurements that took some
 * minutes; the share over {@code hub.themes.proef.max-minutes}.
 */
public final class ProefTheme implements ThemeDefinition {

    public static final RecordType PROEF = RecordType.define(99, "PROEF", "measured_at", List.of(
            Column.required("proef_id"),
            Column.required("patient_id"),
            Column.required("measured_at"),
            Column.optional("minutes")));

    public static final Theme THEME = Theme.define("PROEF", "Proefthema", PROEF);

    /** {@code hub.themes.proef.*}. */
    public record Properties(@DefaultValue("30") long maxMinutes) implements ThemeProperties<Properties> {

        @Override
        public Properties toSettings() {
            return this;
        }
    }

    @Override
    public Theme theme() {
        return THEME;
    }

    @Override
    public List<RecordType> recordTypes() {
        return List.of(PROEF);
    }

    @Override
    public Class<Properties> propertiesType() {
        return Properties.class;
    }

    @Override
    public Object defaultSettings() {
        return new Properties(30);
    }

    @Override
    public ThemeModule module(ThemeSettings settings) {
        ProefCalculator calculator = new ProefCalculator(settings.of(THEME, Properties.class).maxMinutes());
        return new ThemeModule() {
            @Override
            public Theme theme() {
                return THEME;
            }

            @Override
            public Map<RecordType, RowParser> parsers() {
                return Map.of(PROEF, new ProefRowParser());
            }

            @Override
            public ThemeCalculator calculator() {
                return calculator;
            }
        };
    }
}
