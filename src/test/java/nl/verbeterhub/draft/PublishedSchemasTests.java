package nl.verbeterhub.draft;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import nl.verbeterhub.json.HubJson;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.ThemeDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The published schemas in {@code schemas/} list exactly the registered themes and record types, and the
 * draft schema holds each theme's {@code indicators} shape from the fragment in its package
 * ({@link ThemeDefinition#SCHEMA_FRAGMENT}). A new theme changes its own package; this test then says to
 * regenerate the files with {@code ./mvnw -q -o test -Dtest=PublishedSchemasTests -Dschemas.write=true}.
 */
class PublishedSchemasTests {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @ParameterizedTest
    @ValueSource(strings = {"draft", "rejection", "extract"})
    void thePublishedSchemaIsTheOneTheRegisteredThemesGive(String name) throws IOException {
        Path file = Path.of("schemas", name + ".v1.schema.json");
        JsonNode published = HubJson.MAPPER.readTree(file.toFile());
        ObjectNode assembled = published.deepCopy();
        switch (name) {
            case "draft" -> draft(assembled);
            case "rejection" -> rejection(assembled);
            default -> extract(assembled);
        }
        if (Boolean.getBoolean("schemas.write") && !assembled.equals(published)) {
            Files.writeString(file, HubJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(assembled) + "\n");
            published = assembled;
        }
        assertThat(published).as("%s is out of date: run ./mvnw -q -o test -Dtest=PublishedSchemasTests -Dschemas.write=true",
                file).isEqualTo(assembled);
    }

    /**
     * Each theme labels exactly its own indicators: a label file with a typo would label nothing, and one
     * that misses an indicator shows its raw name in the console.
     */
    @Test
    void everyIndicatorHasALabelAndEveryLabelAnIndicator() throws IOException {
        JsonNode defs = HubJson.MAPPER.readTree(Path.of("schemas", "draft.v1.schema.json").toFile()).get("$defs");
        for (Theme theme : Theme.values()) {
            Set<String> paths = new TreeSet<>();
            leaves(fragment(theme), "", defs, paths);
            assertThat(ThemeDefinition.of(theme).indicatorLabels()).as(theme.name()).isNotEmpty();
            assertThat(ThemeDefinition.of(theme).indicatorLabels().keySet()).as("%s's labels", theme)
                    .containsExactlyInAnyOrderElementsOf(paths);
        }
    }

    /** The paths the console shows: objects flattened with dots, percentiles as their two values, arrays charted instead. */
    private static void leaves(JsonNode shape, String prefix, JsonNode defs, Set<String> paths) {
        JsonNode ref = shape.get("$ref");
        if (ref != null) {
            JsonNode target = defs.get(ref.asText().substring("#/$defs/".length()));
            if (target.has("properties")) leaves(target, prefix, defs, paths);
            else paths.add(prefix);
            return;
        }
        if (shape.has("properties")) {
            shape.get("properties").properties().forEach(e ->
                    leaves(e.getValue(), prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), defs, paths));
        } else if (!"array".equals(shape.path("type").asText())) {
            paths.add(prefix);
        }
    }

    /** Theme codes, the indicators' one-of, and each theme's $defs entry from its package's fragment. */
    private static void draft(ObjectNode schema) throws IOException {
        schema.withObject("/properties/theme/properties/code").set("enum", themeCodes());
        ArrayNode oneOf = JSON.arrayNode();
        ObjectNode defs = schema.withObject("/$defs");
        for (Theme theme : Theme.values()) {
            String def = theme.name().toLowerCase(Locale.ROOT);
            oneOf.addObject().put("$ref", "#/$defs/" + def);
            defs.set(def, fragment(theme));
        }
        schema.withObject("/properties/indicators").set("oneOf", oneOf);
    }

    private static void rejection(ObjectNode schema) {
        schema.withObject("/properties/recordType").set("enum", recordTypes());
        schema.withObject("/properties/theme").set("enum", themeCodes());
    }

    private static void extract(ObjectNode schema) {
        schema.withObject("/$defs/recordType").set("enum", recordTypes());
    }

    private static JsonNode fragment(Theme theme) throws IOException {
        ThemeDefinition definition = ThemeDefinition.of(theme);
        try (InputStream in = definition.getClass().getResourceAsStream(ThemeDefinition.SCHEMA_FRAGMENT)) {
            assertThat(in).as("%s has no %s next to %s", theme, ThemeDefinition.SCHEMA_FRAGMENT, definition.getClass().getName())
                    .isNotNull();
            return HubJson.MAPPER.readTree(in);
        }
    }

    private static ArrayNode themeCodes() {
        ArrayNode codes = JSON.arrayNode();
        Theme.values().forEach(t -> codes.add(t.name()));
        return codes;
    }

    private static ArrayNode recordTypes() {
        ArrayNode names = JSON.arrayNode();
        RecordType.records().forEach(t -> names.add(t.name()));
        return names;
    }
}
