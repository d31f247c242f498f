package nl.verbeterhub.theme.nuchter;

import java.nio.ByteBuffer;
import nl.verbeterhub.record.Checks;

/**
 * The kept fields of an anaesthesia procedure (anchor: induction). The birth date is turned into
 * {@code ageYears} at ingest and dropped.
 *
 * @param lastSolid epoch second, or {@link Checks#ABSENT}
 * @param lastClearFluid epoch second, or {@link Checks#ABSENT}
 */
public record FastingRecord(int ageYears, boolean urgent, long lastSolid, long lastClearFluid) {

    public byte[] encode() {
        return ByteBuffer.allocate(2 + 1 + 8 + 8)
                .putShort((short) ageYears)
                .put(urgent ? (byte) 1 : 0)
                .putLong(lastSolid)
                .putLong(lastClearFluid)
                .array();
    }

    public static FastingRecord decode(ByteBuffer b) {
        return new FastingRecord(b.getShort(), b.get() == 1, b.getLong(), b.getLong());
    }

    /** The 6-4-0/1 population the inspectorate's goal is about: children, elective procedures. */
    public boolean inPopulation() {
        return ageYears < 18 && !urgent;
    }
}
