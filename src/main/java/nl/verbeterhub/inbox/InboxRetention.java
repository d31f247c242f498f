package nl.verbeterhub.inbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import nl.verbeterhub.connector.Connectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * {@code .done/} and {@code .error/} hold raw extracts, the only place raw data rests (domain.md §5):
 * they are emptied of files older than the configured retention.
 */
public final class InboxRetention {

    private static final Logger LOG = LoggerFactory.getLogger(InboxRetention.class);

    private final Connectors connectors;
    private final Duration retention;
    private final Clock clock;

    public InboxRetention(Connectors connectors, Duration retention, Clock clock) {
        this.connectors = connectors;
        this.retention = retention;
        this.clock = clock;
    }

    /** @return how many files (or bulk export folders) were deleted */
    public int clean() throws IOException {
        Instant cutoff = clock.instant().minus(retention);
        int deleted = 0;
        for (var connector : connectors.all()) {
            for (String folder : List.of(".done", ".error")) {
                Path dir = connector.inbox().resolve(folder);
                if (!Files.isDirectory(dir)) continue;
                try (Stream<Path> entries = Files.list(dir)) {
                    for (Path f : entries.toList()) {
                        // A file, or a FHIR bulk export's folder, by its time as the export job left it (a move keeps it).
                        if (Files.getLastModifiedTime(f).toInstant().isBefore(cutoff) && FileSystemUtils.deleteRecursively(f)) {
                            deleted++;
                        }
                    }
                }
            }
        }
        if (deleted > 0) LOG.info("Deleted {} raw extract file(s) older than {}", deleted, retention);
        return deleted;
    }
}
