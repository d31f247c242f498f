package nl.verbeterhub.theme.antistolling;

import java.nio.ByteBuffer;

/** The kept field of an expertise shift besides its anchor ({@code start}): its end, in epoch seconds. */
record ShiftRecord(long end) {

    byte[] encode() {
        return ByteBuffer.allocate(8).putLong(end).array();
    }

    static ShiftRecord decode(ByteBuffer b) {
        return new ShiftRecord(b.getLong());
    }
}
