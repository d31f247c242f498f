package nl.verbeterhub.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.verbeterhub.connector.ConnectorConfig;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorControl.class);
    /** How long a pause lets an extract being read finish before Camel forces the route down. */
    private static final Duration FINISH_EXTRACT = Duration.ofHours(1);
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);

    private final CamelContext camel;
    private final PausedConnectors paused;
    private final AuditLog audit;
    private final RunNow runNow;
    private final ExecutorService routes = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "connector-control");
        t.setDaemon(true);
        return t;
    });

    private final Predicate<String> servedHere;

    /** @param servedHere whether this instance serves a connector (by id) now: only then do its routes run here */
    public ConnectorControl(CamelContext camel, PausedConnectors paused, AuditLog audit, RunNow runNow,
                            Predicate<String> servedHere) {
        this.servedHere = servedHere;
        this.runNow = runNow;
        this.camel = camel;
        this.paused = paused;
        this.audit = audit;
    }

    /**
     * Stops reading the inbox and keeps it so across restarts. Camel's graceful stop lets an extract being
     * read finish first (up to {@link #FINISH_EXTRACT}); the request waits a few seconds for it and
     * answers anyway, the connector shown PAUSED while its route finishes. Pauses and resumes of all
     * connectors run one after the other on one thread, so that a resume never overtakes a pause.
     */
    public void pause(ConnectorConfig connector, String user) throws InterruptedException {
        paused.pause(connector.id());
        audit.record(user, "pause", connector.id(), null);
        wait(routes.submit(() -> {
            try {
                // Not under the pauses' lock: the flag is set, so nothing starts the routes again meanwhile,
                // and a hand-over must not wait for an extract this stop lets finish.
                // The pull first: it must not deliver into an inbox nobody reads.
                List<String> ids = new ArrayList<>(ConnectorOverview.routeIds(connector));
                Collections.reverse(ids);
                for (String id : ids) {
                    camel.getRouteController().stopRoute(id, FINISH_EXTRACT.toSeconds(), TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                // The route still runs: the connector must not show PAUSED.
                paused.resume(connector.id());
                LOG.error("{}: the pause failed ({}); the connector goes on", connector.id(), e.getClass().getSimpleName());
            }
        }));
    }

    public void resume(ConnectorConfig connector, String user) throws InterruptedException {
        paused.resume(connector.id());
        audit.record(user, "resume", connector.id(), null);
        wait(routes.submit(() -> {
            try {
                synchronized (paused) {
                    // Served by another instance: its routes run there, and start here only if it comes here.
                    if (!servedHere.test(connector.id()) || paused.isPaused(connector.id())) return;
                    for (String id : ConnectorOverview.routeIds(connector)) camel.getRouteController().startRoute(id);
                }
            } catch (Exception e) {
                LOG.error("{}: the resume failed ({}); health shows its route", connector.id(), e.getClass().getSimpleName());
            }
        }));
    }

    private static void wait(Future<?> action) throws InterruptedException {
        try {
            action.get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Still finishing an extract: the state shows PAUSED, the route's status says it is stopping.
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Runs a remote connector's pull now: its route is restarted, and its timer fires a second later (a run
     * under way finishes first; one pull at a time, so the watermark is never raced). A pull a source had
     * stopped is tried again. Inbox connectors look at their folder every poll delay and have no schedule
     * to run ahead of: for them this is not applicable.
     */
    public void runNow(ConnectorConfig connector, String user) throws InterruptedException {
        if (!connector.type().remote()) {
            throw new NotApplicable("connector " + connector.id() + " (" + connector.type().code() + ") reads its inbox every "
                    + connector.pollDelay().toMillis() + " ms; there is no scheduled run to start");
        }
        if (paused.isPaused(connector.id())) throw new NotApplicable("connector " + connector.id() + " is paused: resume it");
        if (!servedHere.test(connector.id())) {
            throw new NotApplicable("connector " + connector.id() + " runs on another hub instance now: run it there");
        }
        audit.record(user, "run", connector.id(), null);
        runNow.request(connector.id());
        String pull = ConnectorOverview.pullRouteId(connector.id());
        wait(routes.submit(() -> {
            try {
                camel.getRouteController().stopRoute(pull, FINISH_EXTRACT.toSeconds(), TimeUnit.SECONDS);
                synchronized (paused) {
                    // The stop may have waited for a run: the connector may have moved or been paused meanwhile.
                    if (servedHere.test(connector.id()) && !paused.isPaused(connector.id())) {
                        camel.getRouteController().startRoute(pull);
                    }
                }
            } catch (Exception e) {
                LOG.error("{}: run now failed ({}); health shows its route", connector.id(), e.getClass().getSimpleName());
            }
        }));
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
            Path target = putBack(dir.resolve(found.name()), connector.inbox(), original, found.folder());
            Files.deleteIfExists(dir.resolve(found.name() + REASON_SUFFIX));
            audit.record(user, "reprocess", connector.id(), found.name());
            return target.getFileName().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Into the inbox as {@code name}, or {@code 2-name}, … when taken — never over a file a hospital drops
     * at that moment: a file by a hard link (fails when the name is taken), a folder by a rename that
     * refuses an existing target.
     */
    private static Path putBack(Path from, Path inbox, String name, boolean folder) throws IOException {
        for (int n = 1; ; n++) {
            Path target = inbox.resolve(n == 1 ? name : n + "-" + name);
            try {
                if (folder) {
                    return Files.move(from, target);
                }
                Files.createLink(target, from);
                Files.delete(from);
                return target;
            } catch (FileAlreadyExistsException e) {
                // taken: the next number
            }
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
