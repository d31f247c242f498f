package nl.verbeterhub.state;

import java.util.Arrays;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.WriteBatch;

/**
 * A RocksDB write batch encoded in Java and handed over in one call: {@code WriteBatch.put} through
 * JNI cost two calls into native code per record in the applier (docs/benchmarks.md). The encoding
 * is RocksDB's own serialised batch (a 12-byte header of sequence and count, then per entry a type
 * byte, the column family's id unless it is the default one, and length-prefixed key and value);
 * {@code BatchBytesTests} compares it byte for byte with a batch RocksDB built, so a change of
 * format fails the build instead of the store.
 */
final class BatchBytes {

    private static final int HEADER = 12;
    private static final byte DELETION = 0x0;
    private static final byte VALUE = 0x1;
    private static final byte FAMILY_DELETION = 0x4;
    private static final byte FAMILY_VALUE = 0x5;

    private byte[] bytes;
    private int length = HEADER;
    private int count;

    BatchBytes(int expectedBytes) {
        bytes = new byte[Math.max(HEADER + 64, expectedBytes)];
    }

    void put(ColumnFamilyHandle family, byte[] key, byte[] value) {
        entry(FAMILY_VALUE, family.getID(), key, value);
    }

    void delete(ColumnFamilyHandle family, byte[] key) {
        entry(FAMILY_DELETION, family.getID(), key, null);
    }

    /** In the default column family. */
    void put(byte[] key, byte[] value) {
        entry(VALUE, 0, key, value);
    }

    /** In the default column family. */
    void delete(byte[] key) {
        entry(DELETION, 0, key, null);
    }

    int count() {
        return count;
    }

    /** The batch for {@code RocksDB.write}; the caller closes it. */
    WriteBatch toWriteBatch() {
        bytes[8] = (byte) count;
        bytes[9] = (byte) (count >>> 8);
        bytes[10] = (byte) (count >>> 16);
        bytes[11] = (byte) (count >>> 24);
        return new WriteBatch(Arrays.copyOf(bytes, length));
    }

    private void entry(byte type, int family, byte[] key, byte[] value) {
        ensure(1 + 5 + 5 + key.length + (value == null ? 0 : 5 + value.length));
        bytes[length++] = type;
        if (type == FAMILY_VALUE || type == FAMILY_DELETION) varint(family);
        varint(key.length);
        System.arraycopy(key, 0, bytes, length, key.length);
        length += key.length;
        if (value != null) {
            varint(value.length);
            System.arraycopy(value, 0, bytes, length, value.length);
            length += value.length;
        }
        count++;
    }

    private void varint(int v) {
        while ((v & ~0x7f) != 0) {
            bytes[length++] = (byte) ((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        bytes[length++] = (byte) v;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
}
