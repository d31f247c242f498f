package nl.verbeterhub.theme.eigen;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The kept fields of an own-goal month (anchor: local midnight on the month's 1st, which also gives the
 * month). The indicator id is kept in the definition's spelling: record ids are pseudonymised, and the
 * calculator matches records against the definition current at its run.
 *
 * @param denominator {@link #ABSENT} when none was delivered (a count may leave it empty)
 */
record MonthRecord(String indicatorId, long numerator, long denominator) {

    static final long ABSENT = -1;

    boolean hasDenominator() {
        return denominator != ABSENT;
    }

    byte[] encode() {
        byte[] id = indicatorId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + id.length + 16).put((byte) id.length).put(id)
                .putLong(numerator).putLong(denominator).array();
    }

    static MonthRecord decode(ByteBuffer b) {
        byte[] id = new byte[b.get()];
        b.get(id);
        return new MonthRecord(new String(id, StandardCharsets.UTF_8), b.getLong(), b.getLong());
    }
}
