package nl.verbeterhub.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.verbeterhub.admission.Admissions;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.theme.pijn.PainTheme;

/**
 * Runs every case on the same generated file, each in a JVM of its own, and prints a table of
 * records/s and peak heap. See docs/benchmarks.md for the command and the last results.
 *
 * <pre>
 * bench/run.sh [--rows 1000000] [--type PIJN|VBI|NUCHTER|KWETSBAAR|ANTISTOLLING|DIAGNOSTIEK] [--dialect ISO|DUTCH] [--heap 256m]
 *              [--cases floor,textbook,validate,server,latency,fhir-floor,hapi,fhir-validate,fhir-server,fhir-pull]
 *              [--textbook-rows N] [--latency-runs 20] [--latency-rows 10000] [--gc ParallelGC|G1GC|SerialGC]
 *              [--warmup-rows 300000] [--warmups 4]
 * </pre>
 * Every case runs with the collector the hub is deployed with ({@code -XX:+UseParallelGC}: README,
 * Dockerfile, docs/decisions.md 32) unless {@code --gc} says otherwise.
 */
public final class Benchmark {

    private static long liveEveryMs;
    private static int repeat = 1;
    private static String collector = "ParallelGC";
    private static RecordType type = PainTheme.PIJN;

    private Benchmark() {
    }

    record Result(String name, long records, double seconds, long peakUsed, long peakLive, long medianLive, String heap) {
        double perSecond() {
            return records / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        String[] defaults = {"--rows", "1000000", "--dialect", "ISO", "--heap", "256m",
            "--cases", "floor,textbook,validate,server,latency", "--latency-runs", "20", "--latency-rows", "10000",
            "--out", "bench/out", "--textbook-rows", "0", "--textbook-heap", "4g", "--warmup-rows", "300000",
            "--live-every-ms", "0", "--repeat", "1", "--gc", "ParallelGC", "--warmups", "4", "--type", "PIJN"};
        for (int i = 0; i < defaults.length; i += 2) o.put(defaults[i], defaults[i + 1]);
        for (int i = 0; i + 1 < args.length; i += 2) o.put(args[i], args[i + 1]);
        long rows = Long.parseLong(o.get("--rows"));
        repeat = Integer.parseInt(o.get("--repeat"));
        collector = o.get("--gc");
        type = RecordType.valueOf(o.get("--type"));
        if (type == Admissions.ADMISSION) {
            throw new IllegalArgumentException("--type ADMISSION: admissions alone make no draft (domain.md §2)");
        }
        String prefix = type.name().toLowerCase(Locale.ROOT);
        liveEveryMs = Long.parseLong(o.get("--live-every-ms"));
        ExportGenerator.Dialect dialect = ExportGenerator.Dialect.valueOf(o.get("--dialect"));
        Path out = Files.createDirectories(Path.of(o.get("--out")));
        Path file = out.resolve(prefix + "-" + rows + "-" + dialect.name().toLowerCase(Locale.ROOT) + ".csv");
        if (!Files.exists(file)) ExportGenerator.write(type, dialect, rows, 42, file);
        long warmUpRows = Long.parseLong(o.get("--warmup-rows"));
        // Distinct files (a repeated one would be skipped as a re-delivery), each of new records.
        List<String> warmUps = new ArrayList<>();
        for (int k = 0; k < Integer.parseInt(o.get("--warmups")); k++) {
            Path warmUp = out.resolve(prefix + "-warmup-" + warmUpRows + "-" + dialect.name().toLowerCase(Locale.ROOT)
                    + (k == 0 ? "" : "-" + (k + 1)) + ".csv");
            if (!Files.exists(warmUp)) {
                ExportGenerator.write(type, dialect, warmUpRows, 43 + k, 100_000_000L * (k + 1), warmUp);
            }
            warmUps.add(warmUp.toString());
        }

        List<Result> results = new ArrayList<>();
        for (String name : o.get("--cases").split(",")) {
            switch (name) {
                case "floor", "validate" -> results.add(run(name, file, rows, o.get("--heap"), List.of()));
                case "fhir-floor", "hapi", "fhir-validate", "fhir-server", "fhir-pull" -> {
                    // the same records as a FHIR bulk export: NDJSON, one resource type per file
                    Path ndjson = out.resolve(prefix + "-" + rows + "-ndjson");
                    if (!Files.isDirectory(ndjson)) {
                        Path part = out.resolve(ndjson.getFileName() + ".part");
                        org.springframework.util.FileSystemUtils.deleteRecursively(part);
                        FhirExportGenerator.write(type, rows, 42, part);
                        Files.move(part, ndjson);
                    }
                    results.add(run(name, ndjson, rows, o.get("--heap"),
                            name.equals("fhir-server") ? fhirWarmUps(out, warmUpRows, Integer.parseInt(o.get("--warmups"))) : List.of()));
                }
                case "server" -> results.add(run(name, file, rows, o.get("--heap"), warmUps));
                case "textbook" -> {
                    if (dialect != ExportGenerator.Dialect.ISO || type != PainTheme.PIJN) {
                        System.err.println("textbook: the Bindy model reads PIJN in the ISO dialect only; skipped");
                        continue;
                    }
                    long textbookRows = Long.parseLong(o.get("--textbook-rows"));
                    Path textbookFile = file;
                    if (textbookRows > 0 && textbookRows < rows) {
                        textbookFile = out.resolve("pijn-" + textbookRows + "-iso.csv");
                        if (!Files.exists(textbookFile)) {
                            ExportGenerator.write(PainTheme.PIJN, dialect, textbookRows, 42, textbookFile);
                        }
                    } else {
                        textbookRows = rows;
                    }
                    results.add(run(name, textbookFile, textbookRows, o.get("--textbook-heap"), List.of()));
                }
                case "latency" -> results.add(run(name, out.resolve("latency"), Long.parseLong(o.get("--latency-rows")),
                        o.get("--heap"), List.of(o.get("--latency-runs"))));
                default -> throw new IllegalArgumentException("unknown case " + name);
            }
        }
        print(results, rows, dialect);
    }

    /**
     * Runs a case {@code --repeat} times, each in a fresh JVM, and keeps the median run: on two cores
     * the JIT and the collector make single runs of the server path vary by ±0.5 s.
     */
    private static Result run(String name, Path file, long rows, String heap, List<String> extra) throws Exception {
        List<Result> runs = new ArrayList<>();
        for (int i = 0; i < repeat; i++) runs.add(runOnce(name, file, rows, heap, extra));
        runs.sort(java.util.Comparator.comparingDouble(Result::seconds));
        if (repeat > 1) {
            System.err.printf(Locale.ROOT, "  %s: median of %d runs (%s s)%n", name, repeat,
                    String.join(", ", runs.stream().map(r -> String.format(Locale.ROOT, "%.2f", r.seconds())).toList()));
        }
        return runs.get(runs.size() / 2);
    }

    private static Result runOnce(String name, Path file, long rows, String heap, List<String> extra) throws Exception {
        Files.createDirectories(file.getParent());
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx" + heap, "-XX:+Use" + collector,
                "-Dbench.liveEveryMs=" + liveEveryMs, "-Dbench.type=" + type, "-cp", System.getProperty("java.class.path"),
                "-Dbench.profile=" + System.getProperty("bench.profile", ""),
                BenchCase.class.getName(), name, file.toString(), String.valueOf(rows)));
        // -Dbench.* given to bench/run.sh (bench.liveLog, bench.profileEvent, …) reach the case's JVM too.
        System.getProperties().stringPropertyNames().stream()
                .filter(k -> k.startsWith("bench.") && command.stream().noneMatch(c -> c.startsWith("-D" + k + "=")))
                .sorted().forEach(k -> command.add(1, "-D" + k + "=" + System.getProperty(k)));
        command.addAll(extra);
        System.err.println("running " + name + " (" + rows + " rows, -Xmx" + heap + ", " + collector + ") …");
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Result result = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("RESULT ")) {
                    String[] f = line.split(" ");
                    result = new Result(f[1], Long.parseLong(f[2]), Double.parseDouble(f[3]), Long.parseLong(f[4]),
                            Long.parseLong(f[5]), Long.parseLong(f[6]), heap);
                } else if (line.startsWith("LATENCY ") || line.startsWith("PULL ")) {
                    System.out.println(line);
                }
            }
        }
        if (p.waitFor() != 0 || result == null) throw new IllegalStateException(name + " failed");
        System.err.printf(Locale.ROOT, "  %s: %.0f records/s%n", name, result.perSecond());
        return result;
    }

    private static void print(List<Result> results, long rows, ExportGenerator.Dialect dialect) throws IOException {
        double csvFloor = perSecond(results, "floor");
        double fhirFloor = perSecond(results, "fhir-floor");
        double textbook = perSecond(results, "textbook");
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%s export, %,d rows, %s dialect%n%n", type, rows, dialect));
        boolean medians = results.stream().anyMatch(r -> r.medianLive() > 0);
        t.append("| case | records | seconds | records/s | × floor | × textbook | peak heap used | peak live heap |"
                + (medians ? " median live heap |" : "") + " -Xmx |\n");
        t.append("|---|---:|---:|---:|---:|---:|---:|---:|" + (medians ? "---:|" : "") + "---:|\n");
        for (Result r : results) {
            // NDJSON cases against the NDJSON floor, CSV cases against the CSV floor
            double floor = r.name().equals("hapi") || r.name().startsWith("fhir-") ? fhirFloor : csvFloor;
            t.append(String.format(Locale.ROOT, "| %s | %,d | %.2f | %,.0f | %s | %s | %d MiB | %d MiB |%s %s |%n", r.name(),
                    r.records(), r.seconds(), r.perSecond(),
                    floor > 0 && !r.name().equals("latency") ? String.format(Locale.ROOT, "%.3f", r.perSecond() / floor) : "",
                    textbook > 0 && !r.name().equals("latency") ? String.format(Locale.ROOT, "%.1f", r.perSecond() / textbook) : "",
                    r.peakUsed() >> 20, r.peakLive() >> 20,
                    medians ? String.format(Locale.ROOT, " %d MiB |", r.medianLive() >> 20) : "", r.heap()));
        }
        System.out.println(t);
    }

    /**
     * Bulk exports of other records for the FHIR server case to read first, as the CSV server case does
     * (decision 31): a warm hub.
     */
    private static List<String> fhirWarmUps(Path out, long rows, int count) throws IOException {
        List<String> dirs = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            Path dir = out.resolve(type.name().toLowerCase(Locale.ROOT) + "-warmup-" + rows + "-ndjson-" + (k + 1));
            if (!Files.isDirectory(dir)) {
                Path part = out.resolve(dir.getFileName() + ".part");
                org.springframework.util.FileSystemUtils.deleteRecursively(part);
                FhirExportGenerator.write(type, rows, 43 + k, part);
                Files.move(part, dir);
            }
            dirs.add(dir.toString());
        }
        return dirs;
    }

    /** Records per second of the named case, 0 when it did not run. */
    private static double perSecond(List<Result> results, String name) {
        return results.stream().filter(r -> r.name().equals(name)).mapToDouble(Result::perSecond).findFirst().orElse(0);
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
