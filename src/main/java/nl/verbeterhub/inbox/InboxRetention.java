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

    /** @return how many files were deleted */
    public int clean() throws IOException {
        Instant cutoff = clock.instant().minus(retention);
        int deleted = 0;
        for (var connector : connectors.all()) {
            for (String folder : List.of(".done", ".error")) {
                Path dir = connector.inbox().resolve(folder);
                if (!Files.isDirectory(dir)) continue;
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        if (Files.getLastModifiedTime(f).toInstant().isBefore(cutoff) && Files.deleteIfExists(f)) {
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
