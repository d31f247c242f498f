package nl.verbeterhub.admission;

import java.nio.ByteBuffer;

/** A clinical admission (anchor: admitted_at), kept only to count VBI's denominator. */
public record AdmissionRecord(long discharged) {

    public byte[] encode() {
        return ByteBuffer.allocate(8).putLong(discharged).array();
    }

    public static AdmissionRecord decode(ByteBuffer b) {
        return new AdmissionRecord(b.getLong());
    }
}
