package nl.verbeterhub.bench;

/**
 * Profiles only the measured window of a case when {@code -Dbench.profile=<file>} is given, with
 * async-profiler's Java API on the class path (see docs/benchmarks.md): start-up, warm-up and the
 * JIT's first compilations would otherwise hide the steady state.
 */
final class Profiling {

    private static final String OUTPUT = System.getProperty("bench.profile");

    private Profiling() {
    }

    static void start() {
        execute("start,event=cpu,interval=1ms,threads");
    }

    static void stop() {
        execute("stop,collapsed,file=" + OUTPUT);
    }

    private static void execute(String command) {
        if (OUTPUT == null) return;
        try {
            Class<?> profiler = Class.forName("one.profiler.AsyncProfiler");
            Object instance = profiler.getMethod("getInstance").invoke(null);
            profiler.getMethod("execute", String.class).invoke(instance, command);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("async-profiler is not on the class path", e);
        }
    }
}
