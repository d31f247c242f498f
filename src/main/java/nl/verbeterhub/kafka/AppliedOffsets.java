package nl.verbeterhub.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.IntPredicate;

/**
 * How far the local store has applied each record-state partition, for extracts that wait until their own
 * records are in the store before their drafts are computed.
 */
final class AppliedOffsets {

    private final Map<Integer, Long> applied = new HashMap<>();

    /** The store holds everything before these offsets now. */
    synchronized void advanced(Map<Integer, Long> next) {
        next.forEach((p, o) -> applied.merge(p, o, Math::max));
        notifyAll();
    }

    synchronized void clear() {
        applied.clear();
    }

    /** Wakes every waiter, so that one whose partition left gives up. */
    synchronized void wakeAll() {
        notifyAll();
    }

    /** @return false when interrupted */
    synchronized boolean pause(long millis) {
        try {
            wait(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Waits until every partition's last written offset is applied.
     *
     * @param ours whether this instance owns (or is restoring) a partition; a wait on one it lost ends
     */
    synchronized void await(Map<Integer, Long> lastOffsets, Duration timeout, IntPredicate ours)
            throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!lastOffsets.entrySet().stream().allMatch(e -> applied.getOrDefault(e.getKey(), -1L) > e.getValue())) {
            for (int p : lastOffsets.keySet()) {
                if (!ours.test(p)) throw new NotOwnedException("partition " + p);
            }
            long wait = (deadline - System.nanoTime()) / 1_000_000;
            if (wait <= 0) throw new TimeoutException("record state not applied within " + timeout);
            wait(wait);
        }
    }
}
