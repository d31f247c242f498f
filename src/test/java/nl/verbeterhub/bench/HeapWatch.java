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
                peakFullLive.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
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
    }

    long peakUsed() {
        return peakUsed.get();
    }

    /** The live set: after full collections when sampled so, else after any collection. */
    long peakLive() {
        return fullLive ? peakFullLive.get() : peakLive.get();
    }
}
