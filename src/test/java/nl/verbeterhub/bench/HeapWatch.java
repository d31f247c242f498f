package nl.verbeterhub.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Peak heap of one benchmark case: the peak of heap in use (garbage included), and the peak of heap
 * still in use after a collection — the live set, which is what must not grow with the file.
 */
final class HeapWatch {

    private final AtomicLong peakLive = new AtomicLong();
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakFullLive = new AtomicLong();
    private final boolean fullLive = Long.getLong("bench.liveEveryMs", 0) > 0;
    /** {@code -Dbench.liveLog=true}: print each live-set measurement, to see when the peak happens. */
    private static final boolean LOG_LIVE = Boolean.getBoolean("bench.liveLog");
    private final long started = System.currentTimeMillis();
    private final java.util.List<Long> liveSamples = new java.util.ArrayList<>();

    HeapWatch() {
        java.util.Set<String> heapPools = new java.util.HashSet<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) heapPools.add(pool.getName());
        }
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) return;
                var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long after = 0;
                for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    if (heapPools.contains(e.getKey())) after += e.getValue().getUsed();
                }
                peakLive.accumulateAndGet(after, Math::max);
            }, null, null);
        }
        // Peaks of single pools do not add up to a peak of the heap: sample the whole heap instead.
        // With -Dbench.liveEveryMs a full collection now and then measures the live set itself (a young
        // collection leaves old garbage in place, so "after GC" alone overstates it on long runs).
        long liveEvery = Long.getLong("bench.liveEveryMs", 0);
        var memory = ManagementFactory.getMemoryMXBean();
        long[] nextFull = {System.currentTimeMillis() + liveEvery};
        var sampler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "heap-sampler");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(() -> {
            peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            if (liveEvery > 0 && System.currentTimeMillis() >= nextFull[0]) {
                System.gc();
                long live = memory.getHeapMemoryUsage().getUsed();
                peakFullLive.accumulateAndGet(live, Math::max);
                synchronized (liveSamples) {
                    liveSamples.add(live);
                }
                if (LOG_LIVE) System.err.printf("live %d MiB at %d ms%n", live >> 20, System.currentTimeMillis() - started);
                nextFull[0] = System.currentTimeMillis() + liveEvery;
            }
        }, 0, 5, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Forgets the peaks seen so far, at the start of the measured part. */
    void reset() {
        System.gc();
        peakUsed.set(0);
        peakLive.set(0);
        peakFullLive.set(0);
        synchronized (liveSamples) {
            liveSamples.clear();
        }
    }

    long peakUsed() {
        return peakUsed.get();
    }

    /**
     * The median of the live sets measured by full collections ({@code -Dbench.liveEveryMs}), 0 without:
     * the steady state. The peak adds whatever was in flight at one instant (Kafka fetches and batches),
     * and a longer run has more instants to catch a large one.
     */
    long medianLive() {
        synchronized (liveSamples) {
            if (liveSamples.isEmpty()) return 0;
            java.util.List<Long> sorted = new java.util.ArrayList<>(liveSamples);
            java.util.Collections.sort(sorted);
            return sorted.get((sorted.size() + 1) / 2 - 1);
        }
    }

    /** The live set: after full collections when sampled so, else after any collection. */
    long peakLive() {
        return fullLive ? peakFullLive.get() : peakLive.get();
    }
}
