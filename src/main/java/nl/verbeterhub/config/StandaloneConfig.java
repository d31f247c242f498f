package nl.verbeterhub.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import nl.verbeterhub.theme.ThemeSettings;
import nl.verbeterhub.theme.pijn.PainScales;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * Binds {@code hub.*} for the command-line tools without starting the application: the packaged
 * application.yml, then ./application.yml and ./config/application.yml, then system properties and
 * environment variables (HUB_DRAFT_MINIMUMGROUPSIZE …) — the same precedence as the running hub.
 */
public final class StandaloneConfig {

    private StandaloneConfig() {
    }

    public static HubProperties load() {
        return binder().bindOrCreate("hub", Bindable.of(HubProperties.class));
    }

    /** Every theme's settings ({@code hub.themes.*}) from the same files. */
    public static ThemeSettings themeSettings(PainScales pain) {
        return ThemeBinding.bind(binder(), pain);
    }

    private static Binder binder() {
        StandardEnvironment environment = new StandardEnvironment();
        YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
        // Highest precedence first: addLast puts each after the ones before it.
        List<Resource> files = List.of(new FileSystemResource(Path.of("config", "application.yml")),
                new FileSystemResource(Path.of("application.yml")),
                new ClassPathResource("application.yml"));
        for (Resource file : files) {
            if (!file.exists()) continue;
            try {
                for (PropertySource<?> source : yaml.load(file.getDescription(), file)) {
                    environment.getPropertySources().addLast(source);
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file.getDescription(), e);
            }
        }
        return Binder.get(environment);
    }
}
