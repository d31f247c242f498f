package nl.verbeterhub.fhir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.ToLongFunction;

/**
 * A hash table of fixed-size entries keyed by 16 bytes, in a memory-mapped temporary file: what a FHIR
 * join keeps per Encounter, procedure, Patient or {@code fullUrl}. On disk, so the heap stays flat however
 * large the export; the page cache makes a lookup cost about a memory access. It replaced RocksDB here,
 * whose point lookups in random key order were most of the NUCHTER path's time (docs/benchmarks.md).
 *
 * <p>Open addressing with linear probing; the file doubles when it is 60% full. Keys are HMACs of
 * references ({@link JoinStore}), uniformly spread: their first bytes are the hash.
 *
 * <p>Its own file failures — the folder full, above all — are {@link TemporaryStoreException}s, retried; a
 * failed growth leaves the table as it was, and is refused when the larger file would not fit. A write to a
 * sparse page the full disk cannot back raises SIGBUS, which HotSpot turns into an {@link InternalError}: the
 * reads and writes here rethrow it as one too — but JDK 17's compiled code raises it at a later safepoint,
 * possibly outside them, so the free-space check is the real guard.
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
    /** Free bytes of the folder's file system, asked before the table grows. */
    private final ToLongFunction<Path> usableSpace;
    private long capacity;
    private long size;
    /** Null once closed. */
    private Path file;
    private MappedByteBuffer[] segments;

    /** A mapped file and its slots: set on the table only once all of it is mapped. */
    private record Mapping(long capacity, Path file, MappedByteBuffer[] segments) {}

    JoinTable(Path dir, String name, int valueBytes) {
        this(dir, name, valueBytes, folder -> folder.toFile().getUsableSpace());
    }

    JoinTable(Path dir, String name, int valueBytes, ToLongFunction<Path> usableSpace) {
        this.dir = dir;
        this.name = name;
        this.valueBytes = valueBytes;
        this.slotBytes = 1 + KEY_BYTES + valueBytes;
        this.slotsPerSegment = Integer.highestOneBit(SEGMENT_BYTES / slotBytes);
        this.usableSpace = usableSpace;
        use(map(INITIAL_SLOTS));
    }

    /** The value stored under the key, or null. */
    byte[] get(byte[] key, int keyOffset) {
        try {
            long slot = find(key, keyOffset);
            if (slot < 0) return null;
            byte[] value = new byte[valueBytes];
            segment(slot).get(offset(slot) + 1 + KEY_BYTES, value);
            return value;
        } catch (InternalError e) {
            throw fault(e);
        }
    }

    /** Stores the value under the key, replacing what was there. */
    void put(byte[] key, int keyOffset, byte[] value) {
        try {
            long slot = claim(key, keyOffset);
            segment(slot).put(offset(slot) + 1 + KEY_BYTES, value, 0, valueBytes);
        } catch (InternalError e) {
            throw fault(e);
        }
    }

    /**
     * The value of the key, claimed (zeroed) when new, to update in place. Use it at once: the next claim
     * may grow the table, which unmaps this view (writing to it then would crash the JVM, not throw).
     */
    ByteBuffer slot(byte[] key, int keyOffset) {
        try {
            long slot = claim(key, keyOffset);
            return segment(slot).slice(offset(slot) + 1 + KEY_BYTES, valueBytes);
        } catch (InternalError e) {
            throw fault(e);
        }
    }

    /** SIGBUS on the mapped file, as HotSpot reports it: mostly a page the full disk could not back. */
    private TemporaryStoreException fault(InternalError e) {
        return new TemporaryStoreException("memory access to the " + name + " table in " + dir.getFileName() + " failed", e);
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

    /** Twice the slots in a new file; every entry moves to its place there. On failure the table stays as it was. */
    private void grow() {
        long slots = capacity * 2;
        if (usableSpace.applyAsLong(dir) < slots * slotBytes) {
            throw new TemporaryStoreException("no room to grow the " + name + " table in " + dir.getFileName());
        }
        Mapping old = new Mapping(capacity, file, segments);
        long oldSize = size;
        Mapping grown = map(slots);
        use(grown);
        try {
            byte[] entry = new byte[slotBytes];
            for (long slot = 0; slot < old.capacity(); slot++) {
                ByteBuffer segment = old.segments()[(int) (slot / slotsPerSegment)];
                int at = (int) (slot % slotsPerSegment) * slotBytes;
                if (segment.get(at) != USED) continue;
                segment.get(at, entry);
                long to = claim(entry, 1);
                segment(to).put(offset(to) + 1 + KEY_BYTES, entry, 1 + KEY_BYTES, valueBytes);
            }
        } catch (RuntimeException | Error e) {
            use(old);
            size = oldSize;
            discard(grown.segments(), grown.file(), e);
            throw e;
        }
        release(old.segments(), old.file());
    }

    private void use(Mapping mapping) {
        capacity = mapping.capacity();
        file = mapping.file();
        segments = mapping.segments();
        size = 0;
    }

    /** A new file of the slots, mapped whole; nothing of it is left behind when that fails. */
    private Mapping map(long slots) {
        int count = (int) ((slots + slotsPerSegment - 1) / slotsPerSegment);
        MappedByteBuffer[] mapped = new MappedByteBuffer[count];
        Path created = null;
        try {
            created = Files.createTempFile(dir, name + "-", ".table");
            try (FileChannel channel = FileChannel.open(created, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                for (int i = 0; i < count; i++) {
                    long bytes = Math.min(slots - (long) i * slotsPerSegment, slotsPerSegment) * slotBytes;
                    mapped[i] = channel.map(FileChannel.MapMode.READ_WRITE, (long) i * slotsPerSegment * slotBytes, bytes);
                }
            }
            return new Mapping(slots, created, mapped);
        } catch (IOException e) {
            TemporaryStoreException failure =
                    new TemporaryStoreException("cannot map the " + name + " table in " + dir.getFileName(), e);
            discard(mapped, created, failure);
            throw failure;
        } catch (RuntimeException | Error e) {
            discard(mapped, created, e);
            throw e;
        }
    }

    /** Releases what a failed step made; a failure of that is suppressed by the first one. */
    private static void discard(MappedByteBuffer[] segments, Path file, Throwable failure) {
        try {
            release(segments, file);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** Unmaps at once, not at some full collection, and deletes the file; skips what is null (a partial mapping). */
    private static void release(MappedByteBuffer[] segments, Path file) {
        try {
            if (segments != null) {
                for (MappedByteBuffer segment : segments) {
                    if (segment != null) Unmapper.unmap(segment);
                }
            }
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new TemporaryStoreException("cannot remove a table file in " + file.getParent().getFileName(), e);
                }
            }
        }
    }

    /** Idempotent. */
    @Override
    public void close() {
        MappedByteBuffer[] mapped = segments;
        Path mappedFile = file;
        segments = null;
        file = null;
        release(mapped, mappedFile);
    }
}
