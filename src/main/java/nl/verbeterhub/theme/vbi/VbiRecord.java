package nl.verbeterhub.theme.vbi;

import java.nio.ByteBuffer;
import nl.verbeterhub.record.Checks;

/**
 * The kept fields of a VBI registration (anchor: start). Ward and intervention type are checked but not
 * kept: no indicator needs them and the type may be free text.
 *
 * @param end epoch second, or {@link Checks#ABSENT} while still running
 * @param alternativesConsidered null when unknown
 * @param timed start and end are full date-times; a FHIR date-only start or end gives no duration (domain.md §6)
 */
public record VbiRecord(int score, long end, Boolean alternativesConsidered, boolean timed) {

    public static final int HEAVY_SCORE = 5;
    /** In the flag byte beside the alternatives: set when the registration gives no duration. */
    private static final int UNTIMED = 0x10;

    public boolean heavy() {
        return score == HEAVY_SCORE;
    }

    /** Whether the registration counts in the heavy-duration percentiles: it has an end, and both are times. */
    public boolean hasDuration() {
        return timed && end != Checks.ABSENT;
    }

    public byte[] encode() {
        int alternatives = alternativesConsidered == null ? 0 : alternativesConsidered ? 1 : 2;
        return ByteBuffer.allocate(10)
                .put((byte) score)
                .putLong(end)
                .put((byte) (alternatives | (timed ? 0 : UNTIMED)))
                .array();
    }

    public static VbiRecord decode(ByteBuffer b) {
        int score = b.get();
        long end = b.getLong();
        byte flags = b.get();
        int alt = flags & 0x0f;
        return new VbiRecord(score, end, alt == 0 ? null : alt == 1, (flags & UNTIMED) == 0);
    }
}
