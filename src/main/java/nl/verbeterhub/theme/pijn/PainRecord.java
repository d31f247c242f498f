package nl.verbeterhub.theme.pijn;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The kept fields of a pain measurement (anchor: measured_at). The value is kept exactly (unscaled
 * digits and scale), so thresholds compare decimals, never binary floating point.
 *
 * @param scale the scale's canonical name
 * @param flaggedVulnerable the record's own {@code vulnerable} flag
 */
public record PainRecord(String scale, BigDecimal value, boolean flaggedVulnerable) {

    public byte[] encode() {
        byte[] name = scale.getBytes(StandardCharsets.UTF_8);
        byte[] unscaled = value.unscaledValue().toByteArray();
        return ByteBuffer.allocate(1 + name.length + 1 + 4 + 1 + unscaled.length)
                .put((byte) name.length).put(name)
                .put(flaggedVulnerable ? (byte) 1 : 0)
                .putInt(value.scale())
                .put((byte) unscaled.length).put(unscaled)
                .array();
    }

    public static PainRecord decode(ByteBuffer b) {
        byte[] name = new byte[b.get()];
        b.get(name);
        boolean flagged = b.get() == 1;
        int scale = b.getInt();
        byte[] unscaled = new byte[b.get()];
        b.get(unscaled);
        return new PainRecord(new String(name, StandardCharsets.UTF_8), new BigDecimal(new BigInteger(unscaled), scale),
                flagged);
    }
}
