package nl.verbeterhub.fhir;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import nl.verbeterhub.extract.UnusableFileException;
import nl.verbeterhub.extract.UnusableFileException.Reason;

/**
 * A {@code .json} file of a FHIR extract: a Bundle ({@code collection}, {@code searchset},
 * {@code transaction}, {@code batch}), read entry by entry — never the whole Bundle as one object — or a
 * single resource, read as the one entry 0. A file that is no JSON, breaks off, or is no resource is
 * unusable as a whole: it cannot be told where its entries are.
 */
final class BundleFile {

    static final Set<String> TYPES = Set.of("collection", "searchset", "transaction", "batch");

    /** One entry: where it points, what request it carries (transaction, batch), its resource (or null). */
    record Entry(String fullUrl, String method, String url, ObjectNode resource) {
    }

    @FunctionalInterface
    interface EntryVisitor {
        void visit(long index, Entry entry) throws IOException;
    }

    private static final Entry NONE = new Entry(null, null, null, null);

    private final Path file;
    private final String name;
    private final ObjectMapper mapper;
    private final long maxEntryBytes;
    private boolean bundle;
    /** Entries longer than {@link #maxEntryBytes}: skipped unread, as an NDJSON line over the limit is. */
    private final Set<Long> oversized = new HashSet<>();

    /** @param maxEntryBytes an entry longer than this is no parsable resource (a PDF in a DocumentReference, say) */
    BundleFile(Path file, String name, ObjectMapper mapper, long maxEntryBytes) {
        this.file = file;
        this.name = name;
        this.mapper = mapper;
        this.maxEntryBytes = maxEntryBytes;
    }

    String name() {
        return name;
    }

    /** Reads the whole file once for its structure: valid JSON, a resource, a Bundle of a type the hub reads. */
    void verify(Set<String> resourceTypes) throws UnusableFileException, IOException {
        oversized.clear();
        try (JsonParser p = mapper.createParser(file.toFile())) {
            JsonToken first = p.nextToken();
            if (first == null) throw new UnusableFileException(Reason.EMPTY_FILE, name + " holds no JSON");
            if (first != JsonToken.START_OBJECT) {
                p.skipChildren();
                throw new UnusableFileException(Reason.NOT_FHIR, name + " is no resource");
            }
            String resourceType = null;
            String type = null;
            String field;
            while ((field = p.nextFieldName()) != null) {
                JsonToken t = p.nextToken();
                if (field.equals("resourceType") && t == JsonToken.VALUE_STRING) resourceType = p.getText();
                else if (field.equals("type") && t == JsonToken.VALUE_STRING) type = p.getText();
                else if (field.equals("entry") && t == JsonToken.START_ARRAY) measureEntries(p);
                else p.skipChildren();
            }
            if (p.nextToken() != null) throw new UnusableFileException(Reason.NOT_JSON, name + " holds more than one JSON value");
            if (resourceType == null || !resourceTypes.contains(resourceType)) {
                throw new UnusableFileException(Reason.NOT_FHIR, name + " has no known resourceType");
            }
            bundle = resourceType.equals("Bundle");
            if (!bundle && Files.size(file) > maxEntryBytes) oversized.add(0L);
            if (bundle && (type == null || !TYPES.contains(type))) {
                throw new UnusableFileException(Reason.UNSUPPORTED_BUNDLE_TYPE, name + " is a Bundle of type "
                        + (type == null ? "(none)" : TYPES.contains(type) ? type : "other than " + String.join(", ", TYPES)));
            }
        } catch (JsonProcessingException e) {
            // The location only: Jackson's message quotes the input.
            // Jackson's limits (nesting, number length) come without a location.
            throw new UnusableFileException(Reason.NOT_JSON, name + " is no valid JSON"
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        }
    }

    /** Skips the entries, noting which are too long to be read as a tree. */
    private void measureEntries(JsonParser p) throws IOException {
        long index = 0;
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            long start = offset(p.currentTokenLocation());
            p.skipChildren();
            if (offset(p.currentLocation()) - start > maxEntryBytes) oversized.add(index);
            index++;
        }
    }

    /** Bytes into the file; characters for a file Jackson reads as UTF-16 or UTF-32. */
    private static long offset(JsonLocation location) {
        return location.getByteOffset() >= 0 ? location.getByteOffset() : location.getCharOffset();
    }

    /** Every entry in order, each read on its own; a single resource is entry 0. Call after {@link #verify}. */
    void entries(EntryVisitor visitor) throws IOException {
        try (JsonParser p = mapper.createParser(file.toFile())) {
            p.nextToken();
            if (!bundle) {
                visitor.visit(0, oversized.contains(0L) ? NONE : new Entry(null, null, null, mapper.readTree(p)));
                return;
            }
            String field;
            while ((field = p.nextFieldName()) != null) {
                JsonToken t = p.nextToken();
                if (!field.equals("entry") || t != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                long index = 0;
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    if (oversized.contains(index)) {
                        p.skipChildren();
                        visitor.visit(index++, NONE);
                    } else {
                        visitor.visit(index++, entry(mapper.readTree(p)));
                    }
                }
            }
        }
    }

    private static Entry entry(JsonNode entry) {
        if (!entry.isObject()) return NONE;
        JsonNode request = entry.path("request");
        JsonNode resource = entry.get("resource");
        return new Entry(text(entry.get("fullUrl")), text(request.get("method")), text(request.get("url")),
                resource instanceof ObjectNode object ? object : null);
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }
}
