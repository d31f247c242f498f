package nl.verbeterhub.bench;

/**
 * Profiles only the measured window of a case when {@code -Dbench.profile=<folder>} is given
 * ({@code bench/run.sh --profile}), with async-profiler's Java API on the class path: start-up and
 * warm-up would otherwise hide the steady state. Writes {@code <case>.collapsed} (per thread, for
 * grep and sums) and {@code <case>.html} (a flame graph).
 */
final class Profiling {

    private static final String FOLDER = System.getProperty("bench.profile");
    private static String name = "case";

    private Profiling() {
    }

    static void start(String caseName) {
        name = caseName;
        // -Dbench.profileEvent=wall samples waiting threads too: where a thread waits, not only where it works.
        execute("start,event=" + System.getProperty("bench.profileEvent", "cpu") + ",interval=1ms,threads");
    }

    static void stop() {
        execute("dump,collapsed,file=" + FOLDER + "/" + name + ".collapsed");
        execute("stop,flamegraph,file=" + FOLDER + "/" + name + ".html");
    }

    private static void execute(String command) {
        if (FOLDER == null || FOLDER.isEmpty()) return;
        try {
            Class<?> profiler = Class.forName("one.profiler.AsyncProfiler");
            Object instance = profiler.getMethod("getInstance").invoke(null);
            profiler.getMethod("execute", String.class).invoke(instance, command);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("async-profiler is not on the class path", e);
        }
    }
}
