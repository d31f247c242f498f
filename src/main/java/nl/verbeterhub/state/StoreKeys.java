package nl.verbeterhub.state;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import nl.verbeterhub.pseudonym.Pseudonymizer;
import nl.verbeterhub.record.RecordType;

/**
 * The byte layout of the record store: {@code P agb type recordKey → anchor patient connector}
 * (identity, to find and replace an earlier version), {@code I agb type patient anchor recordKey →
 * stored record} (the ordered index), {@code O topic partition → next offset} (how far the topic has
 * been applied), {@code S run recordKey} (scratch sets of a snapshot extract).
 */
final class StoreKeys {

    static final byte IDENTITY = 'P';
    static final byte INDEX = 'I';
    static final byte OFFSET = 'O';
    static final byte SCRATCH = 'S';
    /** The layout's version, one key of its own: {@code V → FORMAT}. */
    static final byte[] FORMAT_KEY = {'V'};
    /** 2: 22-character record keys and the 16-byte patient prefix in the index (decisions 13, 29). */
    static final byte FORMAT = 2;
    static final int AGB_LENGTH = 8;
    /**
     * The index orders by the first half of the patient pseudonym: two patients share it with a chance
     * below 1 in 10^22 even for 10^8 patients, and the shorter key makes every insert and compaction
     * cheaper. Calculators compare the full pseudonym from the value.
     */
    static final int INDEX_PATIENT_BYTES = 16;
    /** A record pseudonym in a state key: 128 bits in URL-safe Base64 without padding. */
    static final int RECORD_KEY_CHARS = 22;

    private StoreKeys() {
    }

    static byte[] prefix(byte space, String agb, RecordType type) {
        return ByteBuffer.allocate(2 + AGB_LENGTH).put(space).put(agbBytes(agb)).put(type.id()).array();
    }

    static byte[] identityKey(StateKey key) {
        byte[] recordKey = key.recordKey().getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(2 + AGB_LENGTH + recordKey.length)
                .put(IDENTITY).put(agbBytes(key.agb())).put(key.type().id()).put(recordKey).array();
    }

    /**
     * The index key of an identity: the identity's hospital and type, the patient pseudonym's first bytes read from
     * {@code source} at {@code patientOffset}, the anchor, then the identity's record key.
     */
    static byte[] indexKey(byte[] identity, byte[] source, int patientOffset, long anchor) {
        int head = 1 + AGB_LENGTH + 1;
        return ByteBuffer.allocate(identity.length + INDEX_PATIENT_BYTES + 8)
                .put(INDEX).put(identity, 1, head - 1)
                .put(source, patientOffset, INDEX_PATIENT_BYTES)
                .putLong(anchor ^ Long.MIN_VALUE) // sign flip: byte order equals numeric order
                .put(identity, head, identity.length - head)
                .array();
    }

    /** The identity key of a state key as it is on the topic: {@code agb:TYPE:recordKey}, ASCII. */
    static byte[] identityKey(byte[] stateKey) {
        if (stateKey.length < AGB_LENGTH + 3 || stateKey[AGB_LENGTH] != ':') {
            throw new IllegalArgumentException("not a state key");
        }
        int typeEnd = AGB_LENGTH + 1;
        while (typeEnd < stateKey.length && stateKey[typeEnd] != ':') typeEnd++;
        RecordType type = RecordType.ofStateName(new String(stateKey, AGB_LENGTH + 1, typeEnd - AGB_LENGTH - 1,
                StandardCharsets.US_ASCII)).orElseThrow(() -> new IllegalArgumentException("unknown record type"));
        int recordKeyLength = stateKey.length - typeEnd - 1;
        if (recordKeyLength != RECORD_KEY_CHARS) throw new IncompatibleStateFormatException();
        return ByteBuffer.allocate(2 + AGB_LENGTH + recordKeyLength)
                .put(IDENTITY).put(stateKey, 0, AGB_LENGTH).put(type.id()).put(stateKey, typeEnd + 1, recordKeyLength)
                .array();
    }

    static byte[] offsetKey(String topic, int partition) {
        byte[] t = topic.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + t.length + 1 + 4).put(OFFSET).put(t).put((byte) 0).putInt(partition).array();
    }

    static byte[] agbBytes(String agb) {
        byte[] b = agb.getBytes(StandardCharsets.US_ASCII);
        if (b.length != AGB_LENGTH) {
            throw new IllegalArgumentException("an AGB code has 8 digits");
        }
        return b;
    }

    /** The smallest key greater than every key starting with {@code prefix}. */
    static byte[] upperBound(byte[] prefix) {
        byte[] upper = prefix.clone();
        for (int i = upper.length - 1; i >= 0; i--) {
            if (upper[i] != (byte) 0xff) {
                upper[i]++;
                return Arrays.copyOf(upper, i + 1);
            }
        }
        throw new IllegalArgumentException("no upper bound");
    }

    /** The identity entry: anchor, patient pseudonym, delivering connector. */
    static byte[] identityValue(byte[] value, StoredRecord.View view) {
        int connectorLength = view.patientOffset() - 3;
        return ByteBuffer.allocate(8 + Pseudonymizer.LENGTH + connectorLength)
                .putLong(view.anchor())
                .put(value, view.patientOffset(), Pseudonymizer.LENGTH)
                .put(value, 3, connectorLength)
                .array();
    }
}
