package nl.verbeterhub.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import nl.verbeterhub.json.HubJson;

/**
 * The identifying values of FHIR test input (resource ids, identifier values, names, birth dates, the ids
 * in references, telecom) of five characters or more, from NDJSON files and Bundles alike.
 */
final class FhirIdentifiers {

    private static final Set<String> FIELDS = Set.of("id", "birthDate", "family", "given", "text", "reference", "fullUrl");

    private FhirIdentifiers() {
    }

    static Set<String> in(List<Path> folders) throws IOException {
        Set<String> found = new HashSet<>();
        for (Path folder : folders) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                        if (!line.isBlank()) collect(HubJson.MAPPER.readTree(line), null, found);
                    }
                }
            }
        }
        return found;
    }

    private static void collect(JsonNode node, String field, Set<String> found) {
        if (node.isObject()) {
            if (node.has("system") && node.has("value") && node.get("value").isTextual()) add(node.get("value").asText(), found);
            node.fields().forEachRemaining(e -> collect(e.getValue(), e.getKey(), found));
        } else if (node.isArray()) {
            node.forEach(e -> collect(e, field, found));
        } else if (node.isTextual() && FIELDS.contains(field)) {
            String value = node.asText();
            if (field.equals("reference") || field.equals("fullUrl")) value = value.substring(value.lastIndexOf('/') + 1);
            if (field.equals("text") && value.length() > 40) return; // a narrative or note, not an identifier
            add(value, found);
        }
    }

    private static void add(String value, Set<String> found) {
        if (value.length() >= 5 && !value.startsWith("urn:uuid:")) found.add(value);
    }

    /** Every file under a folder (the local state), read as Latin-1 text so that every byte is a character. */
    static List<String> filesUnder(Path dir) throws IOException {
        List<String> texts = new ArrayList<>();
        if (!Files.isDirectory(dir)) return texts;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                texts.add(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        return texts;
    }
}
