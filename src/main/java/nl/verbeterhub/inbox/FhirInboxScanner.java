package nl.verbeterhub.inbox;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import nl.verbeterhub.connector.Connectors;
import nl.verbeterhub.fhir.FhirExtract;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds what is ready in a FHIR inbox (domain.md §8, "FHIR inbox delivery"): a bulk export's sub-folder,
 * a Bundle or a lone NDJSON file, renamed into place and then unchanged — every file in it the same size
 * and age — for the read-lock interval. Camel's file consumer picks up files only, never a folder as one
 * unit, so the {@code fhir-inbox} route asks this bean on its timer and splits what it returns. A folder
 * with a copy still under way in it ({@code .part}, …) is not ready; links are described, never followed
 * (the extract refuses them); a candidate that cannot be read is named in one warning, not skipped in silence.
 */
public final class FhirInboxScanner {

    private static final Logger LOG = LoggerFactory.getLogger(FhirInboxScanner.class);

    /** What a candidate looks like now, or null while a copy is still under way in it. */
    @FunctionalInterface
    interface Fingerprints {
        String of(Path candidate) throws IOException;
    }

    private final Connectors connectors;
    private final Clock clock;
    private final Duration readLock;
    private final Fingerprints fingerprints;
    /** Per connector: what each candidate looked like when first seen so, and since when. */
    private final Map<String, Map<Path, Seen>> seen = new ConcurrentHashMap<>();
    /** Per connector: the candidates already warned about as unreadable, until readable or gone. */
    private final Map<String, Set<Path>> warned = new ConcurrentHashMap<>();

    private record Seen(String fingerprint, Instant since) {
    }

    public FhirInboxScanner(Connectors connectors, Clock clock, Duration readLock) {
        this(connectors, clock, readLock, FhirInboxScanner::fingerprint);
    }

    FhirInboxScanner(Connectors connectors, Clock clock, Duration readLock, Fingerprints fingerprints) {
        this.connectors = connectors;
        this.clock = clock;
        this.readLock = readLock;
        this.fingerprints = fingerprints;
    }

    /** For the route: the ready deliveries of the exchange's connector, oldest first, as its new body. */
    public List<File> ready(Exchange exchange) throws IOException {
        return ready(exchange.getIn().getHeader(InboxHandler.CONNECTOR_HEADER, String.class));
    }

    public List<File> ready(String connectorId) throws IOException {
        Path inbox = connectors.get(connectorId).inbox();
        Map<Path, Seen> previous = seen.computeIfAbsent(connectorId, c -> new HashMap<>());
        Set<Path> unreadable = warned.computeIfAbsent(connectorId, c -> new HashSet<>());
        if (!Files.isDirectory(inbox)) {
            previous.clear();
            unreadable.clear();
            return List.of();
        }
        Instant now = clock.instant();
        Map<Path, Seen> current = new HashMap<>();
        Set<Path> unreadableNow = new HashSet<>();
        List<Path> ready = new ArrayList<>();
        try (Stream<Path> entries = Files.list(inbox)) {
            for (Path candidate : entries.filter(p -> !underway(p.getFileName().toString())).toList()) {
                String fingerprint;
                try {
                    fingerprint = fingerprints.of(candidate);
                } catch (UncheckedIOException | IOException e) {
                    Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
                    if (cause instanceof NoSuchFileException) continue; // moved while looked at: next time
                    unreadableNow.add(candidate);
                    if (unreadable.add(candidate)) {
                        LOG.warn("{}: {} cannot be read ({}); it stays in the inbox until it can", connectorId,
                                candidate.getFileName(), cause.getClass().getSimpleName());
                    }
                    continue;
                }
                if (fingerprint == null) continue; // a copy still under way in the folder: not ready
                Seen before = previous.get(candidate);
                Seen settled = before != null && before.fingerprint.equals(fingerprint) ? before : new Seen(fingerprint, now);
                current.put(candidate, settled);
                if (before != null && !settled.since.plus(readLock).isAfter(now)) ready.add(candidate);
            }
        }
        previous.clear();
        previous.putAll(current);
        unreadable.retainAll(unreadableNow);
        ready.sort(Comparator.comparing(FhirInboxScanner::modified).thenComparing(Path::toString));
        return ready.stream().map(Path::toFile).toList();
    }

    /**
     * Names an inbox never reads (docs/decisions.md 34): copies under way ({@code .part}, {@code .tmp}, …),
     * hidden ones ({@code .done}, {@code .error}, a folder still being written as {@code .export}) and
     * Excel's owner files.
     */
    static boolean underway(String name) {
        return name.startsWith(".") || name.startsWith("~$") || FhirExtract.copyUnderWay(name);
    }

    /**
     * Every file's name, size and modification time, links described rather than followed: a folder is
     * settled only when all of them are. Null while a copy is under way in the folder (hidden and owner files aside).
     */
    static String fingerprint(Path candidate) throws IOException {
        if (!Files.isDirectory(candidate, LinkOption.NOFOLLOW_LINKS)) return describe(candidate);
        StringBuilder b = new StringBuilder();
        try (Stream<Path> files = Files.walk(candidate)) {
            for (Path p : files.sorted().toList()) {
                Path relative = candidate.relativize(p);
                if (copyUnderWay(relative)) return null;
                b.append(relative).append('|').append(describe(p)).append('\n');
            }
        }
        return b.toString();
    }

    /** A {@code .part} (…) file in the folder, not inside a hidden entry or an owner file, skipped as ever. */
    private static boolean copyUnderWay(Path relative) {
        for (Path segment : relative) {
            if (segment.toString().startsWith(".") || segment.toString().startsWith("~$")) return false;
        }
        return FhirExtract.copyUnderWay(relative.getFileName().toString());
    }

    private static String describe(Path p) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return a.size() + "@" + a.lastModifiedTime().toMillis();
    }

    private static Instant modified(Path p) {
        try {
            return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant();
        } catch (IOException e) {
            return Instant.MAX;
        }
    }
}
