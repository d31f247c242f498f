package nl.verbeterhub.theme;

import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.state.RecordStore;

/**
 * {@code observedUntil} of themes.md §0.3: the latest anchor of a hospital's accepted records of a type, all
 * years, before population filters — never the clock. A pass of its own, before the pass that judges windows
 * against it.
 */
public final class ObservedUntil {

    /** What {@link #of} gives when the hospital has no record of the type. */
    public static final long NONE = Long.MIN_VALUE;

    private ObservedUntil() {
    }

    public static long of(RecordStore store, String agb, RecordType type) {
        long[] latest = {NONE};
        store.forEachRecord(agb, type, r -> latest[0] = Math.max(latest[0], r.anchor()));
        return latest[0];
    }
}
