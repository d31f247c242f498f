package nl.verbeterhub.inbox;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import nl.verbeterhub.connector.Connectors;
import org.apache.camel.Exchange;

/**
 * Finds what is ready in a FHIR inbox (domain.md §8, "FHIR inbox delivery"): a bulk export's sub-folder,
 * a Bundle or a lone NDJSON file, renamed into place and then unchanged — every file in it the same size
 * and age — for the read-lock interval. Camel's file consumer picks up files only, never a folder as one
 * unit, so the {@code fhir-inbox} route asks this bean on its timer and splits what it returns.
 */
public final class FhirInboxScanner {

    private final Connectors connectors;
    private final Clock clock;
    private final Duration readLock;
    /** Per connector: what each candidate looked like when first seen so, and since when. */
    private final Map<String, Map<Path, Seen>> seen = new ConcurrentHashMap<>();

    private record Seen(String fingerprint, Instant since) {
    }

    public FhirInboxScanner(Connectors connectors, Clock clock, Duration readLock) {
        this.connectors = connectors;
        this.clock = clock;
        this.readLock = readLock;
    }

    /** For the route: the ready deliveries of the exchange's connector, oldest first, as its new body. */
    public List<File> ready(Exchange exchange) throws IOException {
        return ready(exchange.getIn().getHeader(InboxHandler.CONNECTOR_HEADER, String.class));
    }

    public List<File> ready(String connectorId) throws IOException {
        Path inbox = connectors.get(connectorId).inbox();
        Map<Path, Seen> previous = seen.computeIfAbsent(connectorId, c -> new HashMap<>());
        if (!Files.isDirectory(inbox)) {
            previous.clear();
            return List.of();
        }
        Instant now = clock.instant();
        Map<Path, Seen> current = new HashMap<>();
        List<Path> ready = new ArrayList<>();
        try (Stream<Path> entries = Files.list(inbox)) {
            for (Path candidate : entries.filter(p -> !underway(p.getFileName().toString())).toList()) {
                String fingerprint;
                try {
                    fingerprint = fingerprint(candidate);
                } catch (UncheckedIOException | IOException e) {
                    continue; // moved or changed while looked at: next time
                }
                Seen before = previous.get(candidate);
                Seen settled = before != null && before.fingerprint.equals(fingerprint) ? before : new Seen(fingerprint, now);
                current.put(candidate, settled);
                if (before != null && !settled.since.plus(readLock).isAfter(now)) ready.add(candidate);
            }
        }
        previous.clear();
        previous.putAll(current);
        ready.sort(Comparator.comparing(FhirInboxScanner::modified).thenComparing(Path::toString));
        return ready.stream().map(Path::toFile).toList();
    }

    /**
     * Names an inbox never reads (docs/decisions.md 34): copies under way ({@code .part}, {@code .tmp}, …),
     * hidden ones ({@code .done}, {@code .error}, a folder still being written as {@code .export}) and
     * Excel's owner files.
     */
    static boolean underway(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return name.startsWith(".") || name.startsWith("~$") || lower.endsWith(".tmp") || lower.endsWith(".part")
                || lower.endsWith(".partial") || lower.endsWith(".filepart");
    }

    /** Every file's name, size and modification time: a folder is settled only when all of them are. */
    private static String fingerprint(Path candidate) throws IOException {
        if (!Files.isDirectory(candidate)) return describe(candidate);
        StringBuilder b = new StringBuilder();
        try (Stream<Path> files = Files.walk(candidate)) {
            for (Path p : files.sorted().toList()) b.append(candidate.relativize(p)).append('|').append(describe(p)).append('\n');
        }
        return b.toString();
    }

    private static String describe(Path p) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        return a.size() + "@" + a.lastModifiedTime().toMillis();
    }

    private static Instant modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant();
        } catch (IOException e) {
            return Instant.MAX;
        }
    }
}
