package nl.verbeterhub.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** The published JSON Schemas of the two messages (schemas/ in the repository). */
public final class Schemas {

    public static final JsonSchema DRAFT = load("draft.v1.schema.json");
    public static final JsonSchema REJECTION = load("rejection.v1.schema.json");

    private Schemas() {
    }

    private static JsonSchema load(String name) {
        try (InputStream in = Files.newInputStream(Path.of("schemas", name))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema's complaints about a message; empty when it conforms. */
    public static Set<ValidationMessage> check(JsonSchema schema, JsonNode message) {
        return schema.validate(message);
    }
}
