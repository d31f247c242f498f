package nl.verbeterhub.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The marker of a FHIR server run's folder ({@link FhirExtract#RUN_MARKER}): {@code {"startedAt": "…"}}, the
 * server's time when the run began — the run's transaction time, and the next run's watermark once this
 * one is committed.
 */
final class RunMarker {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunMarker() {
    }

    /** The run's start, or null when the marker is unreadable (the run is then no complete run). */
    static Instant startedAt(Path marker) {
        try {
            JsonNode m = JSON.readTree(marker.toFile());
            return m != null && m.path("startedAt").isTextual() ? Instant.parse(m.get("startedAt").asText()) : null;
        } catch (IOException | DateTimeParseException e) {
            return null;
        }
    }
}
