package nl.verbeterhub.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.verbeterhub.support.HubProcesses;
import nl.verbeterhub.support.HubProcesses.Hub;
import nl.verbeterhub.theme.pijn.PainTheme;

/**
 * Throughput of one, two and three packaged hub instances sharing six hospitals on one standalone broker
 * process: after a warm-up extract per hospital (each instance's JIT compiles its hot path), the six
 * measured extracts are delivered at once, and the clock stops when every hospital's drafts count them. Instances divide the hospitals, so the ratio between the rows shows what a second or
 * third process adds on this machine (docs/benchmarks.md, "Scale-out").
 *
 * <pre>bench/run.sh --scale [--instances 1,2,3] [--rows-per-hospital 200000] [--warmup-rows 100000] [--repeat 1]</pre>
 */
public final class ScaleOut {

    private static final int HOSPITALS = 6;

    private ScaleOut() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> instances = List.of(1, 2, 3);
        long rows = 200_000;
        long warmupRows = 100_000;
        int repeat = 1;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--instances" -> instances = java.util.Arrays.stream(args[i + 1].split(",")).map(Integer::valueOf).toList();
                case "--rows-per-hospital" -> rows = Long.parseLong(args[i + 1]);
                case "--warmup-rows" -> warmupRows = Long.parseLong(args[i + 1]);
                case "--repeat" -> repeat = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path work = Files.createTempDirectory("verbeterhub-scale-");
        List<String> agbs = HubProcesses.hospitalsInDistinctPartitions(HOSPITALS, 6);
        List<Path> warmups = new ArrayList<>();
        List<Path> exports = new ArrayList<>();
        Path dir = Files.createDirectories(work.resolve("exports"));
        for (int h = 0; h < HOSPITALS; h++) {
            warmups.add(ExportGenerator.write(PainTheme.PIJN, ExportGenerator.Dialect.DUTCH, warmupRows, 200 + h,
                    1_000_000_000L, dir.resolve("warmup-" + h + ".csv")));
            exports.add(ExportGenerator.write(PainTheme.PIJN, ExportGenerator.Dialect.DUTCH, rows, 100 + h,
                    dir.resolve("pijn-" + h + ".csv")));
        }
        List<String> lines = new ArrayList<>();
        for (int n : instances) {
            for (int r = 0; r < repeat; r++) {
                Duration took = run(work.resolve("run-" + n + "-" + r), agbs, warmups, exports, n);
                double perSecond = HOSPITALS * rows / (took.toMillis() / 1000.0);
                String line = String.format(Locale.ROOT, "| %d | %,d | %.2f | %,.0f |", n, HOSPITALS * rows,
                        took.toMillis() / 1000.0, perSecond);
                System.out.println(line);
                lines.add(line);
            }
        }
        System.out.println("\n| instances | rows | seconds | rows/s |\n|---|---|---|---|");
        lines.forEach(System.out::println);
    }

    private static Duration run(Path root, List<String> agbs, List<Path> warmups, List<Path> exports, int instances)
            throws Exception {
        try (HubProcesses cluster = new HubProcesses(root)) {
            for (int h = 0; h < HOSPITALS; h++) cluster.painConnector("zh-" + h, agbs.get(h), "Ziekenhuis " + h);
            List<Hub> hubs = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                Hub hub = cluster.start("i" + i);
                until(hub::ready, Duration.ofMinutes(3));
                hubs.add(hub);
            }
            // Every hospital served by exactly one instance, every instance serving its share.
            until(() -> hubs.stream().mapToInt(h -> h.serving().size()).sum() == HOSPITALS
                    && hubs.stream().allMatch(h -> h.serving().size() == HOSPITALS / instances), Duration.ofMinutes(2));
            for (int h = 0; h < HOSPITALS; h++) cluster.deliver("zh-" + h, warmups.get(h));
            until(() -> everyHospitalCounts(cluster, agbs, 1), Duration.ofMinutes(20));
            long started = System.nanoTime();
            for (int h = 0; h < HOSPITALS; h++) cluster.deliver("zh-" + h, exports.get(h));
            until(() -> everyHospitalCounts(cluster, agbs, 2), Duration.ofMinutes(20));
            return HubProcesses.since(started);
        }
    }

    /** Whether every hospital has a draft that counts this many committed extracts. */
    private static boolean everyHospitalCounts(HubProcesses cluster, List<String> agbs, int extracts) throws Exception {
        var drafts = cluster.latestDrafts();
        return agbs.stream().allMatch(agb -> drafts.entrySet().stream().anyMatch(e -> e.getKey().startsWith(agb + ":")
                && e.getValue().at("/sources/0/extracts").asInt() == extracts));
    }

    interface Check {
        boolean ok() throws Exception;
    }

    private static void until(Check check, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!check.ok()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("not reached within " + timeout);
            // A polling harness, not a test: the interval bounds the measurement's resolution (50 ms).
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
        }
    }
}
