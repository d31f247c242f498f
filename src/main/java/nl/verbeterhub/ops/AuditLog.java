package nl.verbeterhub.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every operator action — who, what, when, on which connector — as one JSON line in
 * {@code data/operator/audit.log} and on the {@code verbeterhub.audit} logger. Never data: no record,
 * no file content; a file is named by the name the hub gave it in {@code .error/}.
 */
public final class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger("verbeterhub.audit");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One action as the console and the API show it. */
    public record Entry(String at, String user, String action, String connector, String target) {
    }

    private final Path file;
    private final Clock clock;

    public AuditLog(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    public synchronized void record(String user, String action, String connector, String target) {
        ObjectNode line = JSON.createObjectNode().put("at", clock.instant().toString()).put("user", user)
                .put("action", action).put("connector", connector);
        if (target != null) line.put("target", target);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.info("{} {} {}{}", user, action, connector, target == null ? "" : " " + target);
    }

    /** The latest actions, newest first. */
    public synchronized List<Entry> latest(int limit) {
        if (!Files.exists(file)) return List.of();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<Entry> entries = new ArrayList<>();
            for (int i = lines.size() - 1; i >= 0 && entries.size() < limit; i--) {
                var o = JSON.readTree(lines.get(i));
                entries.add(new Entry(o.path("at").asText(), o.path("user").asText(), o.path("action").asText(),
                        o.path("connector").asText(), o.path("target").asText(null)));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
