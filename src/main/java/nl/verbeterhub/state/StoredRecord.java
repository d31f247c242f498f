package nl.verbeterhub.state;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import nl.verbeterhub.pseudonym.Pseudonymizer;
import nl.verbeterhub.record.RecordType;

/**
 * The canonical, pseudonymised form of an accepted record, as kept in the record-state topic and the
 * local store: version, type, delivering connector, patient pseudonym, anchor (epoch second), then the
 * type's own payload. Compact binary: the value of a compacted topic holding millions of records.
 */
public final class StoredRecord {

    private static final byte VERSION = 1;

    private StoredRecord() {
    }

    public static byte[] encode(RecordType type, String connector, byte[] patient, long anchor, byte[] payload) {
        byte[] connectorBytes = connector.getBytes(StandardCharsets.UTF_8);
        if (connectorBytes.length > 255) {
            throw new IllegalArgumentException("connector id too long");
        }
        return ByteBuffer.allocate(3 + connectorBytes.length + Pseudonymizer.LENGTH + 8 + payload.length)
                .put(VERSION)
                .put(type.id())
                .put((byte) connectorBytes.length).put(connectorBytes)
                .put(patient)
                .putLong(anchor)
                .put(payload)
                .array();
    }

    /** A read-only view of one stored value. */
    public static View view(byte[] value) {
        return new View(value);
    }

    public static final class View {
        private final byte[] value;
        private final int patientOffset;

        private View(byte[] value) {
            if (value[0] != VERSION) {
                throw new IllegalStateException("unknown stored record version " + value[0]);
            }
            this.value = value;
            this.patientOffset = 3 + (value[2] & 0xff);
        }

        public RecordType type() {
            return RecordType.ofId(value[1]);
        }

        public String connector() {
            return new String(value, 3, value[2] & 0xff, StandardCharsets.UTF_8);
        }

        /** A copy of the 32-byte patient pseudonym. */
        public byte[] patient() {
            byte[] p = new byte[Pseudonymizer.LENGTH];
            System.arraycopy(value, patientOffset, p, 0, p.length);
            return p;
        }

        public long anchor() {
            return ByteBuffer.wrap(value, patientOffset + Pseudonymizer.LENGTH, 8).getLong();
        }

        /** The type's payload, positioned at its start. */
        public ByteBuffer payload() {
            int start = patientOffset + Pseudonymizer.LENGTH + 8;
            return ByteBuffer.wrap(value, start, value.length - start);
        }

        byte[] bytes() {
            return value;
        }

        int patientOffset() {
            return patientOffset;
        }
    }
}
