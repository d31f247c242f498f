package nl.verbeterhub.theme;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.verbeterhub.record.Checks;

/**
 * Minutes and window status of themes.md §0.3, between instants (epoch seconds), never the wall clock:
 * an absent awaited event is late only once the hospital's observed data has passed the window.
 */
public final class Windows {

    public enum Status { ON_TIME, LATE, PENDING }

    private Windows() {
    }

    /** {@code floor((b − a) / 60)}, rounding toward −∞: 30 seconds before is −1. */
    public static long minutes(long a, long b) {
        return Math.floorDiv(b - a, 60);
    }

    /** {@code max(0, minutes(a, b))}. */
    public static long clamped(long a, long b) {
        return Math.max(0, minutes(a, b));
    }

    /**
     * The status of a window of {@code windowMinutes} from {@code start} awaiting {@code event}
     * ({@link Checks#ABSENT} when the record has none), judged at {@code observedUntil}.
     */
    public static Status status(long start, long event, long windowMinutes, long observedUntil) {
        if (event != Checks.ABSENT) return minutes(start, event) <= windowMinutes ? Status.ON_TIME : Status.LATE;
        return minutes(start, observedUntil) > windowMinutes ? Status.LATE : Status.PENDING;
    }

    /** A window share: on time / (on time + late); pending records are in neither. */
    public static final class Share {
        private long onTime;
        private long late;

        public void add(Status status) {
            if (status == Status.ON_TIME) onTime++;
            else if (status == Status.LATE) late++;
        }

        public long onTime() {
            return onTime;
        }

        public long late() {
            return late;
        }

        /** Writes the share, or null when the awaited column was not delivered for the base set. */
        public void write(ObjectNode target, String field, String pointer, Suppression s, boolean delivered) {
            if (!delivered) target.putNull(field);
            else s.share(target, field, pointer, onTime, onTime + late);
        }
    }
}
