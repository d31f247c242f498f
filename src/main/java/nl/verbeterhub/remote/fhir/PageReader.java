package nl.verbeterhub.remote.fhir;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.Optional;

/**
 * One searchset page, read as it came: each entry's resource is handed on as the exact bytes the server
 * sent (to be judged by the hub's own strict reader, so that one invalid resource is one rejection, never
 * a failed page), with its type and id; the page's {@code next} link and {@code meta.lastUpdated} are kept.
 */
final class PageReader {

    /** Receives each entry's resource. */
    interface EntryConsumer {
        /**
         * @param resourceType null when the resource has none (it is written anyway, and rejected or reported later)
         * @param id null when it has none
         */
        void entry(byte[] page, int offset, int length, String resourceType, String id) throws IOException;
    }

    /** What a page says besides its entries. */
    record Page(Optional<String> next, Optional<String> lastUpdated, int entries) {
    }

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build()).build();

    private PageReader() {
    }

    /** @throws com.fasterxml.jackson.core.JsonProcessingException when the page is no JSON object (the server's failure) */
    static Page read(byte[] page, EntryConsumer consumer) throws IOException {
        String next = null;
        String lastUpdated = null;
        int entries = 0;
        try (JsonParser p = JSON.createParser(page)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new JsonParseException(p, "a page is a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("link") && value == JsonToken.START_ARRAY) {
                    next = nextLink(p, next);
                } else if (field.equals("meta") && value == JsonToken.START_OBJECT) {
                    lastUpdated = lastUpdated(p);
                } else if (field.equals("entry") && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) entries += entry(p, page, consumer);
                } else {
                    p.skipChildren();
                }
            }
        }
        return new Page(Optional.ofNullable(next), Optional.ofNullable(lastUpdated), entries);
    }

    private static String nextLink(JsonParser p, String next) throws IOException {
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String relation = null;
            String url = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("relation")) relation = p.getValueAsString();
                else if (field.equals("url")) url = p.getValueAsString();
                else p.skipChildren();
            }
            if ("next".equals(relation) && url != null) next = url;
        }
        return next;
    }

    private static String lastUpdated(JsonParser p) throws IOException {
        String lastUpdated = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("lastUpdated")) lastUpdated = p.getValueAsString();
            else p.skipChildren();
        }
        return lastUpdated;
    }

    /** One entry: its resource's bytes from its opening to its closing brace, whatever else the entry holds. */
    private static int entry(JsonParser p, byte[] page, EntryConsumer consumer) throws IOException {
        int found = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (!field.equals("resource") || value != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            int start = (int) p.currentTokenLocation().getByteOffset();
            String type = null;
            String id = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (v == JsonToken.VALUE_STRING && name.equals("resourceType")) type = p.getText();
                else if (v == JsonToken.VALUE_STRING && name.equals("id")) id = p.getText();
                else p.skipChildren();
            }
            int end = (int) p.currentLocation().getByteOffset();
            consumer.entry(page, start, end - start, type, id);
            found++;
        }
        return found;
    }
}
