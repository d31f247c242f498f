package nl.verbeterhub.theme.vbi;

import java.nio.ByteBuffer;
import nl.verbeterhub.record.Checks;

/**
 * The kept fields of a VBI registration (anchor: start). Ward and intervention type are checked but not
 * kept: no indicator needs them and the type may be free text.
 *
 * @param end epoch second, or {@link Checks#ABSENT} while still running
 * @param alternativesConsidered null when unknown
 */
public record VbiRecord(int score, long end, Boolean alternativesConsidered) {

    public static final int HEAVY_SCORE = 5;

    public boolean heavy() {
        return score == HEAVY_SCORE;
    }

    public byte[] encode() {
        return ByteBuffer.allocate(10)
                .put((byte) score)
                .putLong(end)
                .put(alternativesConsidered == null ? 0 : alternativesConsidered ? (byte) 1 : (byte) 2)
                .array();
    }

    public static VbiRecord decode(ByteBuffer b) {
        int score = b.get();
        long end = b.getLong();
        byte alt = b.get();
        return new VbiRecord(score, end, alt == 0 ? null : alt == 1);
    }
}
