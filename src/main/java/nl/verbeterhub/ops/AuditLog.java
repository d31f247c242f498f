package nl.verbeterhub.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    private static final int TAIL_BYTES = 256 * 1024;

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
        LOG.info("{} {} {}{}", printable(user), action, printable(connector), target == null ? "" : " " + printable(target));
    }

    /**
     * The latest actions, newest first, from the file's last {@value #TAIL_BYTES} bytes (the file only
     * grows; the console asks every few seconds). A line that is no JSON is skipped.
     */
    public synchronized List<Entry> latest(int limit) {
        if (!Files.exists(file)) return List.of();
        List<Entry> entries = new ArrayList<>();
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long start = Math.max(0, channel.size() - TAIL_BYTES);
            ByteBuffer tail = ByteBuffer.allocate((int) (channel.size() - start));
            channel.position(start);
            while (tail.hasRemaining() && channel.read(tail) > 0) {
                // read the whole tail
            }
            String[] lines = new String(tail.array(), 0, tail.position(), StandardCharsets.UTF_8).split("\n");
            // Started inside a line: the first one is a piece.
            int first = start == 0 ? 0 : 1;
            for (int i = lines.length - 1; i >= first && entries.size() < limit; i--) {
                entry(lines[i]).ifPresent(entries::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private static Optional<Entry> entry(String line) {
        try {
            JsonNode o = JSON.readTree(line);
            if (o == null || !o.isObject()) return Optional.empty();
            return Optional.of(new Entry(o.path("at").asText(), o.path("user").asText(), o.path("action").asText(),
                    o.path("connector").asText(), o.path("target").asText(null)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A name as it may appear on one log line: control characters (a newline in a file name) shown as {@code ?}. */
    private static String printable(String text) {
        return text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
    }
}
