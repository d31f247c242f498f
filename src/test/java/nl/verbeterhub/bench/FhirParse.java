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

    /** Lines of each file parsed before the measured pass, so that every resource type's parsing is warm. */
    private static final int WARM_UP_LINES_PER_FILE = 50_000;

    private FhirParse() {
    }

    /** Jackson's streaming parser over every line, doing nothing with the tokens (second pass, warm). */
    static double floor(Path dir, HeapWatch heap) throws IOException {
        JsonFactory json = new JsonFactory();
        tokens(json, dir);
        heap.reset();
        long started = System.nanoTime();
        long tokens = tokens(json, dir);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (tokens == 0) throw new IllegalStateException("no tokens read");
        return seconds;
    }

    /** HAPI FHIR's JSON parser on every line, each into a resource (after a warm-up on the first lines of each file). */
    static double hapi(Path dir, HeapWatch heap) throws IOException {
        IParser parser = FhirContext.forR4Cached().newJsonParser();
        parse(parser, dir, WARM_UP_LINES_PER_FILE);
        heap.reset();
        Profiling.start("hapi");
        long started = System.nanoTime();
        long resources = parse(parser, dir, Long.MAX_VALUE);
        double seconds = (System.nanoTime() - started) / 1e9;
        Profiling.stop();
        if (resources == 0) throw new IllegalStateException("no resources parsed");
        return seconds;
    }

    /** Parses at most {@code maxLinesPerFile} resources of each file; returns how many in all. */
    static long parse(IParser parser, Path dir, long maxLinesPerFile) throws IOException {
        long resources = 0;
        for (Path file : files(dir)) {
            long inFile = 0;
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while (inFile < maxLinesPerFile && (line = r.readLine()) != null) {
                    if (line.isBlank()) continue;
                    parser.parseResource(line);
                    inFile++;
                }
            }
            resources += inFile;
        }
        return resources;
    }

    private static long tokens(JsonFactory json, Path dir) throws IOException {
        long tokens = 0;
        for (Path file : files(dir)) {
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = r.readLine()) != null) {
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
