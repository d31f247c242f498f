package nl.verbeterhub.bench;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The NDJSON cases of a FHIR bulk export (a folder of {@code *.ndjson}, {@link FhirExportGenerator}):
 * the floor, Jackson reading every token of every line, and HAPI FHIR's full parse of every line into
 * R4 model objects — what a FHIR path of the hub is measured against (issue 6).
 */
final class FhirParse {

    private static final int WARM_UP_LINES = 100_000;

    private FhirParse() {
    }

    /** Jackson's streaming parser over every line, doing nothing with the tokens (second pass, warm). */
    static double floor(Path dir, HeapWatch heap) throws IOException {
        JsonFactory json = new JsonFactory();
        tokens(json, dir, Long.MAX_VALUE);
        heap.reset();
        long started = System.nanoTime();
        long tokens = tokens(json, dir, Long.MAX_VALUE);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (tokens == 0) throw new IllegalStateException("no tokens read");
        return seconds;
    }

    /** HAPI FHIR's JSON parser on every line, each into a resource (after a warm-up on the first lines). */
    static double hapi(Path dir, HeapWatch heap) throws IOException {
        IParser parser = FhirContext.forR4Cached().newJsonParser();
        parse(parser, dir, WARM_UP_LINES);
        heap.reset();
        Profiling.start("hapi");
        long started = System.nanoTime();
        long resources = parse(parser, dir, Long.MAX_VALUE);
        double seconds = (System.nanoTime() - started) / 1e9;
        Profiling.stop();
        if (resources == 0) throw new IllegalStateException("no resources parsed");
        return seconds;
    }

    static long parse(IParser parser, Path dir, long maxLines) throws IOException {
        long resources = 0;
        for (Path file : files(dir)) {
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while (resources < maxLines && (line = r.readLine()) != null) {
                    if (line.isBlank()) continue;
                    parser.parseResource(line);
                    resources++;
                }
            }
        }
        return resources;
    }

    private static long tokens(JsonFactory json, Path dir, long maxLines) throws IOException {
        long tokens = 0;
        long lines = 0;
        for (Path file : files(dir)) {
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while (lines++ < maxLines && (line = r.readLine()) != null) {
                    try (JsonParser p = json.createParser(line)) {
                        while (p.nextToken() != null) {
                            p.getText();
                            tokens++;
                        }
                    }
                }
            }
        }
        return tokens;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".ndjson")).sorted().toList();
        }
    }
}
