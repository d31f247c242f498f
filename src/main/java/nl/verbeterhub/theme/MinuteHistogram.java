package nl.verbeterhub.theme;

import java.util.Map;
import java.util.TreeMap;

/**
 * Exact nearest-rank percentiles over whole minutes (domain.md §3) without keeping a list of values:
 * minute → count. Distinct minutes are few even when the records are many.
 */
public final class MinuteHistogram {

    private final TreeMap<Long, Long> counts = new TreeMap<>();
    private long size;

    public void add(long minutes) {
        counts.merge(minutes, 1L, Long::sum);
        size++;
    }

    public long size() {
        return size;
    }

    /** The value at 1-based rank {@code ceil(p/100 · n)}, or null when empty. */
    public Long percentile(int p) {
        if (size == 0) return null;
        long rank = (p * size + 99) / 100;
        long seen = 0;
        for (Map.Entry<Long, Long> e : counts.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) return e.getKey();
        }
        throw new IllegalStateException("rank beyond histogram");
    }

    /** Whole minutes between two instants, truncated: {@code floor(seconds / 60)}. */
    public static long minutesBetween(long fromEpochSecond, long toEpochSecond) {
        return Math.floorDiv(toEpochSecond - fromEpochSecond, 60);
    }
}
