package nl.verbeterhub.remote.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * Where a connector's bulk export stands, kept in a hidden file in its inbox ({@value #FILE}) so that a
 * restarted hub resumes polling the export it kicked off instead of starting another: either one export in
 * flight (its status URL, when it was kicked off, when to ask again) or none, with when the next is due.
 * Hidden, so the inbox route never takes it for a delivery.
 *
 * @param statusUrl the export's status URL, or null when none is in flight
 * @param checkAfter no status request before this (the server's {@code Retry-After}); null: at once
 * @param nextKickOff with none in flight: no kick-off before this; null: at once
 */
record ExportState(URI statusUrl, Instant kickedOffAt, Instant checkAfter, Instant nextKickOff) {

    static final String FILE = ".bulk-export.json";
    static final ExportState NONE = new ExportState(null, null, null, null);
    private static final ObjectMapper JSON = new ObjectMapper();

    static ExportState kickedOff(URI statusUrl, Instant at, Instant checkAfter) {
        return new ExportState(statusUrl, at, checkAfter, null);
    }

    static ExportState idleUntil(Instant nextKickOff) {
        return new ExportState(null, null, null, nextKickOff);
    }

    boolean inFlight() {
        return statusUrl != null;
    }

    ExportState checkAfter(Instant at) {
        return new ExportState(statusUrl, kickedOffAt, at, nextKickOff);
    }

    /** The state in this inbox; {@link #NONE} when there is none. */
    static ExportState read(Path inbox) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(inbox.resolve(FILE));
        } catch (NoSuchFileException e) {
            return NONE;
        }
        try {
            JsonNode o = JSON.readTree(bytes);
            if (o == null || !o.isObject()) return NONE;
            return new ExportState(o.hasNonNull("statusUrl") ? URI.create(o.get("statusUrl").asText()) : null,
                    instant(o, "kickedOffAt"), instant(o, "checkAfter"), instant(o, "nextKickOff"));
        } catch (IOException | RuntimeException e) {
            // Writes are atomic, so only a hand-edited file gets here: it costs one more export, never a stuck connector.
            return NONE;
        }
    }

    /** Written whole under a temporary name and moved into place: a crash leaves the old state or the new. */
    void write(Path inbox) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        if (statusUrl != null) o.put("statusUrl", statusUrl.toString());
        if (kickedOffAt != null) o.put("kickedOffAt", kickedOffAt.toString());
        if (checkAfter != null) o.put("checkAfter", checkAfter.toString());
        if (nextKickOff != null) o.put("nextKickOff", nextKickOff.toString());
        Files.createDirectories(inbox);
        Path tmp = inbox.resolve(FILE + ".part");
        JSON.writeValue(tmp.toFile(), o);
        Files.move(tmp, inbox.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Instant instant(JsonNode o, String field) {
        return o.hasNonNull(field) ? Instant.parse(o.get(field).asText()) : null;
    }
}
