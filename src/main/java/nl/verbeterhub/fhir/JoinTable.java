package nl.verbeterhub.fhir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A hash table of fixed-size entries keyed by 16 bytes, in a memory-mapped temporary file: what a FHIR
 * join keeps per Encounter, procedure, Patient or {@code fullUrl}. On disk, so the heap stays flat however
 * large the export; the page cache makes a lookup cost about a memory access. It replaced RocksDB here,
 * whose point lookups in random key order were most of the NUCHTER path's time (docs/benchmarks.md).
 *
 * <p>Open addressing with linear probing; the file doubles when it is 60% full. Keys are HMACs of
 * references ({@link JoinStore}), uniformly spread: their first bytes are the hash.
 */
final class JoinTable implements AutoCloseable {

    static final int KEY_BYTES = 16;
    private static final int SEGMENT_BYTES = 1 << 30;
    /** Sparse until written: a small extract touches a few pages of it. */
    private static final int INITIAL_SLOTS = 1 << 18;
    private static final byte USED = 1;

    private final Path dir;
    private final String name;
    private final int valueBytes;
    private final int slotBytes;
    private final int slotsPerSegment;
    private long capacity;
    private long size;
    private Path file;
    private MappedByteBuffer[] segments;

    JoinTable(Path dir, String name, int valueBytes) {
        this.dir = dir;
        this.name = name;
        this.valueBytes = valueBytes;
        this.slotBytes = 1 + KEY_BYTES + valueBytes;
        this.slotsPerSegment = Integer.highestOneBit(SEGMENT_BYTES / slotBytes);
        map(INITIAL_SLOTS);
    }

    /** The value stored under the key, or null. */
    byte[] get(byte[] key, int keyOffset) {
        long slot = find(key, keyOffset);
        if (slot < 0) return null;
        byte[] value = new byte[valueBytes];
        segment(slot).get(offset(slot) + 1 + KEY_BYTES, value);
        return value;
    }

    /** Stores the value under the key, replacing what was there. */
    void put(byte[] key, int keyOffset, byte[] value) {
        long slot = claim(key, keyOffset);
        segment(slot).put(offset(slot) + 1 + KEY_BYTES, value, 0, valueBytes);
    }

    /**
     * The value of the key, claimed (zeroed) when new, to update in place. Use it at once: the next claim
     * may grow the table, which unmaps this view (writing to it then would crash the JVM, not throw).
     */
    ByteBuffer slot(byte[] key, int keyOffset) {
        long slot = claim(key, keyOffset);
        return segment(slot).slice(offset(slot) + 1 + KEY_BYTES, valueBytes);
    }

    private long find(byte[] key, int keyOffset) {
        for (long slot = home(key, keyOffset); ; slot = (slot + 1) & (capacity - 1)) {
            ByteBuffer segment = segment(slot);
            int at = offset(slot);
            if (segment.get(at) != USED) return -1;
            if (sameKey(segment, at + 1, key, keyOffset)) return slot;
        }
    }

    private long claim(byte[] key, int keyOffset) {
        if (size + 1 > capacity * 3 / 5) grow();
        for (long slot = home(key, keyOffset); ; slot = (slot + 1) & (capacity - 1)) {
            ByteBuffer segment = segment(slot);
            int at = offset(slot);
            if (segment.get(at) != USED) {
                segment.put(at, USED).put(at + 1, key, keyOffset, KEY_BYTES);
                size++;
                return slot;
            }
            if (sameKey(segment, at + 1, key, keyOffset)) return slot;
        }
    }

    private long home(byte[] key, int keyOffset) {
        long hash = 0;
        for (int i = 0; i < 8; i++) hash = (hash << 8) | (key[keyOffset + i] & 0xff);
        return hash & (capacity - 1);
    }

    private static boolean sameKey(ByteBuffer segment, int at, byte[] key, int keyOffset) {
        for (int i = 0; i < KEY_BYTES; i++) {
            if (segment.get(at + i) != key[keyOffset + i]) return false;
        }
        return true;
    }

    private ByteBuffer segment(long slot) {
        return segments[(int) (slot / slotsPerSegment)];
    }

    private int offset(long slot) {
        return (int) (slot % slotsPerSegment) * slotBytes;
    }

    /** Twice the slots in a new file; every entry moves to its place there. */
    private void grow() {
        Path oldFile = file;
        MappedByteBuffer[] old = segments;
        long oldCapacity = capacity;
        map(capacity * 2);
        size = 0;
        byte[] entry = new byte[slotBytes];
        for (long slot = 0; slot < oldCapacity; slot++) {
            ByteBuffer segment = old[(int) (slot / slotsPerSegment)];
            int at = (int) (slot % slotsPerSegment) * slotBytes;
            if (segment.get(at) != USED) continue;
            segment.get(at, entry);
            long to = claim(entry, 1);
            segment(to).put(offset(to) + 1 + KEY_BYTES, entry, 1 + KEY_BYTES, valueBytes);
        }
        release(old, oldFile);
    }

    private void map(long slots) {
        capacity = slots;
        try {
            file = Files.createTempFile(dir, name + "-", ".table");
            int count = (int) ((slots + slotsPerSegment - 1) / slotsPerSegment);
            segments = new MappedByteBuffer[count];
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                for (int i = 0; i < count; i++) {
                    long bytes = Math.min(slots - (long) i * slotsPerSegment, slotsPerSegment) * slotBytes;
                    segments[i] = channel.map(FileChannel.MapMode.READ_WRITE, (long) i * slotsPerSegment * slotBytes, bytes);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Unmaps at once rather than at some full collection, and deletes the file (its content is worthless now). */
    private static void release(MappedByteBuffer[] segments, Path file) {
        for (MappedByteBuffer segment : segments) Unmapper.unmap(segment);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        release(segments, file);
        segments = new MappedByteBuffer[0];
    }

    /** {@code Unsafe.invokeCleaner}, the JDK's way to unmap a buffer before the collector does (JDK 9+). */
    private static final class Unmapper {
        private static final sun.misc.Unsafe UNSAFE = unsafe();

        private static sun.misc.Unsafe unsafe() {
            try {
                Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
                f.setAccessible(true);
                return (sun.misc.Unsafe) f.get(null);
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }

        static void unmap(MappedByteBuffer buffer) {
            if (UNSAFE != null) UNSAFE.invokeCleaner(buffer);
        }
    }
}
