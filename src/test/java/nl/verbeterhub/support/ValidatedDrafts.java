package nl.verbeterhub.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.verbeterhub.cli.ValidateCommand;
import nl.verbeterhub.config.HubProperties;
import nl.verbeterhub.config.StandaloneConfig;
import nl.verbeterhub.json.HubJson;
import nl.verbeterhub.theme.ThemeSettings;

/** What {@code validate} gives for an export: the drafts a single uninterrupted run must end with. */
public final class ValidatedDrafts {

    private ValidatedDrafts() {
    }

    /** The drafts by key ({@code agb:theme:year}). */
    public static Map<String, JsonNode> of(String agb, String name, Path export) throws IOException {
        HubProperties properties = StandaloneConfig.load();
        return of(properties, StandaloneConfig.themeSettings(properties.pain().toScales()), agb, name, List.of(export));
    }

    /**
     * The drafts of several files, each an extract of its own, read with these settings (a Spring test's
     * own, {@code hub.themes.*} included), by key.
     */
    public static Map<String, JsonNode> of(HubProperties properties, ThemeSettings themes, String agb, String name,
                                           List<Path> files) throws IOException {
        List<String> args = new ArrayList<>(List.of("--agb", agb, "--name", name));
        files.forEach(f -> args.add(f.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new ValidateCommand(properties, themes::withPain, Clock.systemUTC(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()))
                .run(args);
        assertThat(exit).as("validate's exit").isZero();
        Map<String, JsonNode> byKey = new HashMap<>();
        for (JsonNode d : HubJson.MAPPER.readTree(out.toByteArray())) {
            byKey.put(agb + ":" + d.at("/theme/code").asText() + ":" + d.at("/period/year").asInt(), d);
        }
        return byKey;
    }
}
