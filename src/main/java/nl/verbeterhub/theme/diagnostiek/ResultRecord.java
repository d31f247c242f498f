package nl.verbeterhub.theme.diagnostiek;

import java.nio.ByteBuffer;
import nl.verbeterhub.record.Checks;

/**
 * The kept fields of a diagnostic result (anchor: result_at). Date-times are epoch seconds or
 * {@link Checks#ABSENT}; a {@code critical} left empty is kept as not critical, the only use of the flag.
 */
record ResultRecord(Discipline discipline, boolean urgent, boolean critical, long acknowledgedAt,
                    long criticalNotifiedAt) {

    private static final int SIZE = 1 + 1 + 8 + 8;
    private static final int URGENT = 1;
    private static final int CRITICAL = 2;

    byte[] encode() {
        int flags = (urgent ? URGENT : 0) | (critical ? CRITICAL : 0);
        return ByteBuffer.allocate(SIZE)
                .put((byte) discipline.ordinal())
                .put((byte) flags)
                .putLong(acknowledgedAt)
                .putLong(criticalNotifiedAt)
                .array();
    }

    static ResultRecord decode(ByteBuffer b) {
        Discipline discipline = Discipline.values()[b.get()];
        int flags = b.get();
        return new ResultRecord(discipline, (flags & URGENT) != 0, (flags & CRITICAL) != 0, b.getLong(), b.getLong());
    }

    /** The first sign that a critical result reached the requester: phoned through or seen, whichever came first. */
    long firstPassedOn() {
        return Math.min(acknowledgedAt, criticalNotifiedAt); // ABSENT is Long.MAX_VALUE: an absent one never wins
    }
}
