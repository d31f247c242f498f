package nl.verbeterhub.remote.fhir;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import nl.verbeterhub.fhir.FhirExtract;
import org.springframework.util.FileSystemUtils;

/**
 * A run being fetched: a hidden folder in the connector's inbox ({@code .run-…}) that only becomes visible,
 * renamed to {@code run-…}, when every page is in; the inbox route then commits it like any export. A run
 * that failed or was cut off by a stop leaves only its hidden folder, removed before the next run.
 */
final class RunFolder implements AutoCloseable {

    private static final String HIDDEN = ".run-";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path inbox;
    private final Path staging;
    private final OutputStream out;
    private long resources;

    private RunFolder(Path inbox, Path staging) throws IOException {
        this.inbox = inbox;
        this.staging = staging;
        this.out = new BufferedOutputStream(Files.newOutputStream(staging.resolve(FhirExtract.RUN_FILE)), 1 << 16);
    }

    /** Removes what failed runs left, then starts a new one named after the hub's clock (unique per connector). */
    static RunFolder begin(Path inbox, Instant now) throws IOException {
        Files.createDirectories(inbox);
        removeLeftovers(inbox);
        String stamp = now.toString().replace(":", "").replace("-", "");
        return new RunFolder(inbox, Files.createDirectory(inbox.resolve(HIDDEN + stamp)));
    }

    private static void removeLeftovers(Path inbox) throws IOException {
        try (Stream<Path> list = Files.list(inbox)) {
            for (Path p : list.filter(p -> p.getFileName().toString().startsWith(HIDDEN)).toList()) {
                FileSystemUtils.deleteRecursively(p);
            }
        }
    }

    /**
     * Whether the inbox holds a delivery not yet committed (a run, an upload): the next run must wait for it,
     * or it would start from a watermark that delivery is about to advance.
     */
    static boolean pending(Path inbox) throws IOException {
        if (!Files.isDirectory(inbox, LinkOption.NOFOLLOW_LINKS)) return false;
        try (Stream<Path> list = Files.list(inbox)) {
            // What the inbox route would take: a stray copy under way (x.part, ~$x) blocks nothing.
            return list.map(p -> p.getFileName().toString())
                    .anyMatch(n -> !n.startsWith(".") && !n.startsWith("~$") && !FhirExtract.copyUnderWay(n));
        }
    }

    /** One resource as the server sent it, on a line of its own (line breaks between its tokens become spaces). */
    void write(byte[] page, int offset, int length) throws IOException {
        int from = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (page[i] == '\n' || page[i] == '\r') {
                out.write(page, from, i - from);
                out.write(' ');
                from = i + 1;
            }
        }
        out.write(page, from, end - from);
        out.write('\n');
        resources++;
    }

    long resources() {
        return resources;
    }

    /**
     * Makes the run visible to the inbox route: its marker holds the server's time at its start (the next
     * run's watermark once this one is committed).
     *
     * @return the delivered folder
     */
    Path deliver(Instant serverStart) throws IOException {
        out.close();
        Files.write(staging.resolve(FhirExtract.RUN_MARKER), JSON.writeValueAsBytes(Map.of("startedAt", serverStart.toString())));
        String name = staging.getFileName().toString().substring(1);
        return Files.move(staging, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** A run that fetched nothing is no extract: nothing is delivered. */
    void discard() throws IOException {
        out.close();
        FileSystemUtils.deleteRecursively(staging);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
