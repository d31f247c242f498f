package nl.verbeterhub.config;

import java.util.Locale;
import nl.verbeterhub.theme.ThemeDefinition;
import nl.verbeterhub.theme.ThemeProperties;
import nl.verbeterhub.theme.ThemeSettings;
import nl.verbeterhub.theme.pijn.PainScales;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * Binds each registered theme's settings from {@code hub.themes.<theme in lower case>.*} to the record its
 * definition names, with that record's defaults, so that a theme's settings live in its own package.
 */
public final class ThemeBinding {

    private ThemeBinding() {
    }

    /**
     * @throws org.springframework.boot.context.properties.bind.BindException naming the setting when a value is not of its type
     * @throws nl.verbeterhub.theme.ThemeSettingsException as a theme's {@link ThemeProperties#toSettings()} throws it (an invalid own-goal file)
     */
    /** {@code hub.themes.<code in lower case>}, an underscore as a hyphen: Spring's names allow no underscore. */
    static String prefix(ThemeDefinition definition) {
        return "hub.themes." + definition.theme().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ThemeSettings bind(Binder binder, PainScales pain) {
        ThemeSettings settings = ThemeSettings.defaults().withPain(pain);
        for (ThemeDefinition definition : ThemeDefinition.all()) {
            if (definition.propertiesType() == null) continue;
            String prefix = prefix(definition);
            ThemeProperties<?> properties = binder.bindOrCreate(prefix, Bindable.of(definition.propertiesType()));
            settings = settings.with(definition.theme(), properties.toSettings());
        }
        return settings;
    }
}
