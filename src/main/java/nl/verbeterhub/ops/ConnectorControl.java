package nl.verbeterhub.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.verbeterhub.connector.ConnectorConfig;
import org.apache.camel.CamelContext;

/**
 * What an operator does to a connector (Kafka Connect's pause, resume, restart; Mirth's reprocess):
 * pause and resume its route, run it now, put a file from {@code .error/} back into its inbox once its
 * cause is fixed. Every action is audited.
 */
public final class ConnectorControl {

    /** The stamp the inbox puts before a file it moves to {@code .error/} (InboxHandler). */
    private static final Pattern STAMP = Pattern.compile("\\d{8}T\\d{6}-");
    private static final String REASON_SUFFIX = ".reason.txt";

    /** A file in a connector's {@code .error/}, with the reason the hub gave (a code, never content). */
    public record ErrorFile(String name, String reason, Instant movedAt, long bytes, boolean folder) {
    }

    /** An action that does not apply to this connector (409 in the API). */
    public static final class NotApplicable extends RuntimeException {
        public NotApplicable(String message) {
            super(message);
        }
    }

    /** No such file in {@code .error/} (404 in the API). */
    public static final class NoSuchErrorFile extends RuntimeException {
        public NoSuchErrorFile(String message) {
            super(message);
        }
    }

    private final CamelContext camel;
    private final PausedConnectors paused;
    private final AuditLog audit;

    public ConnectorControl(CamelContext camel, PausedConnectors paused, AuditLog audit) {
        this.camel = camel;
        this.paused = paused;
        this.audit = audit;
    }

    /**
     * Stops reading the inbox (an extract being read finishes first: Camel's graceful stop); survives a
     * restart. The route is stopped rather than suspended, so that resuming starts a fresh consumer.
     */
    public void pause(ConnectorConfig connector, String user) throws Exception {
        paused.pause(connector.id());
        camel.getRouteController().stopRoute(ConnectorOverview.routeId(connector.id()));
        audit.record(user, "pause", connector.id(), null);
    }

    public void resume(ConnectorConfig connector, String user) throws Exception {
        paused.resume(connector.id());
        camel.getRouteController().startRoute(ConnectorOverview.routeId(connector.id()));
        audit.record(user, "resume", connector.id(), null);
    }

    /** Re-applies the operators' pauses after the routes started (ConnectorRoutes). */
    public void applyPauses() throws Exception {
        for (String id : paused.all()) {
            if (camel.getRouteController().getRouteStatus(ConnectorOverview.routeId(id)) != null) {
                camel.getRouteController().stopRoute(ConnectorOverview.routeId(id));
            }
        }
    }

    /**
     * Runs a scheduled connector now. The inbox connectors of today look at their folder every poll delay
     * and have no schedule to run ahead of: for them this is not applicable (a remote source will be).
     */
    public void runNow(ConnectorConfig connector, String user) {
        throw new NotApplicable("connector " + connector.id() + " (" + connector.type().code() + ") reads its inbox every "
                + connector.pollDelay().toMillis() + " ms; there is no scheduled run to start");
    }

    /** The files and folders in the connector's {@code .error/}, the latest first. */
    public List<ErrorFile> errorFiles(ConnectorConfig connector) {
        Path dir = connector.inbox().resolve(".error");
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return List.of();
        List<ErrorFile> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") || name.endsWith(REASON_SUFFIX)) continue;
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                files.add(new ErrorFile(name, reason(dir, name), a.lastModifiedTime().toInstant(), a.size(), a.isDirectory()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(Comparator.comparing(ErrorFile::movedAt).reversed().thenComparing(ErrorFile::name));
        return files;
    }

    /**
     * Puts a file from {@code .error/} back into the inbox under its original name (the stamp removed),
     * in one rename, so that the route reads it again; its reason file goes. The name is looked up among
     * the folder's entries, never used as a path.
     */
    public String reprocess(ConnectorConfig connector, String errorFile, String user) {
        Path dir = connector.inbox().resolve(".error");
        ErrorFile found = errorFiles(connector).stream().filter(f -> f.name().equals(errorFile)).findFirst()
                .orElseThrow(() -> new NoSuchErrorFile("no file " + errorFile + " in .error/ of " + connector.id()));
        String original = STAMP.matcher(found.name()).lookingAt() ? found.name().substring(16) : found.name();
        try {
            Path target = connector.inbox().resolve(original);
            for (int n = 2; Files.exists(target, LinkOption.NOFOLLOW_LINKS); n++) {
                target = connector.inbox().resolve(n + "-" + original);
            }
            Files.move(dir.resolve(found.name()), target, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(dir.resolve(found.name() + REASON_SUFFIX));
            audit.record(user, "reprocess", connector.id(), found.name());
            return target.getFileName().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String reason(Path dir, String name) {
        Path file = dir.resolve(name + REASON_SUFFIX);
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).trim() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
