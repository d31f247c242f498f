package nl.verbeterhub.bench;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * One benchmark case in a JVM of its own (so that its heap is its own), printing one result line:
 * {@code RESULT case records seconds peakUsedBytes peakLiveBytes medianLiveBytes}. Started by {@link Benchmark}.
 */
public final class BenchCase {

    private BenchCase() {
    }

    public static void main(String[] args) throws Exception {
        String name = args[0];
        Path file = Path.of(args[1]);
        long rows = Long.parseLong(args[2]);
        HeapWatch heap = new HeapWatch();
        double seconds = switch (name) {
            case "floor" -> floor(file, heap);
            case "validate", "fhir-validate" -> validate(file, heap);
            case "fhir-floor" -> FhirParse.floor(file, heap);
            case "hapi" -> FhirParse.hapi(file, heap);
            case "fhir-pull" -> ServerPull.run(file, heap);
            case "textbook" -> TextbookRoute.run(file, rows, heap);
            case "server", "fhir-server" -> ServerPath.throughput(file,
                    java.util.Arrays.stream(args, 3, args.length).map(Path::of).toList(), heap);
            case "latency" -> ServerPath.latency(file.getParent(), Integer.parseInt(args[3]), (int) rows, heap);
            default -> throw new IllegalArgumentException(name);
        };
        System.out.printf(Locale.ROOT, "RESULT %s %d %.3f %d %d %d%n", name, rows, seconds, heap.peakUsed(), heap.peakLive(),
                heap.medianLive());
        System.exit(0);
    }

    /** The floor: Jackson's CSV tokenizer reading every field of the file, doing nothing with it. */
    static double floor(Path file, HeapWatch heap) throws Exception {
        // once to warm up the JIT, then measured
        tokenize(file);
        heap.reset();
        long started = System.nanoTime();
        long fields = tokenize(file);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (fields == 0) throw new IllegalStateException("no fields read");
        return seconds;
    }

    private static long tokenize(Path file) throws Exception {
        long fields = 0;
        String header;
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            header = lines.findFirst().orElse("");
        }
        char separator = header.contains(";") ? ';' : ',';
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CsvParser parser = (CsvParser) new CsvFactory().createParser(reader)) {
            parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(separator));
            parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.VALUE_STRING) {
                    parser.getText();
                    fields++;
                }
            }
        }
        return fields;
    }

    /** The hub's validate path: parse, check, pseudonymise, keep in a temporary store, aggregate, print. */
    static double validate(Path file, HeapWatch heap) throws Exception {
        var properties = nl.verbeterhub.config.StandaloneConfig.load();
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        heap.reset();
        Profiling.start("validate");
        long started = System.nanoTime();
        // A further theme's FHIR records are read only when listed (themes.md §0.6): --themes for its type.
        var theme = nl.verbeterhub.theme.Theme.of(nl.verbeterhub.record.RecordType.valueOf(System.getProperty("bench.type", "PIJN")));
        List<String> args = nl.verbeterhub.connector.SourceSettings.Fhir.LISTABLE.contains(theme)
                ? List.of("--agb", "06010099", "--themes", theme.name(), file.toString())
                : List.of("--agb", "06010099", file.toString());
        int exit = new nl.verbeterhub.cli.ValidateCommand(properties, Clock.systemUTC(), sink, sink).run(args);
        double seconds = (System.nanoTime() - started) / 1e9;
        Profiling.stop();
        if (exit != 0) throw new IllegalStateException("validate exited " + exit);
        return seconds;
    }
}
