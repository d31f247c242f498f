package nl.verbeterhub.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import nl.verbeterhub.pseudonym.Pseudonymizer;
import nl.verbeterhub.record.RecordType;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompressionType;
import org.rocksdb.LRUCache;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The local, on-disk copy of the record state (design-notes §1, §5): every accepted record keyed by
 * identity, plus an index ordered by (hospital, type, patient, anchor) from which the indicators are
 * recomputed in one pass at constant heap. RocksDB keeps it off the Java heap.
 *
 * <p>Layout: {@code P agb type recordKey → anchor patient connector} (identity, to find and replace an
 * earlier version), {@code I agb type patient anchor recordKey → stored record} (the ordered index),
 * {@code O topic partition → next offset} (how far the topic has been applied, written atomically
 * with the records), {@code S run recordKey} (scratch sets of a snapshot extract).
 */
public final class RecordStore implements AutoCloseable {

    static {
        RocksDB.loadLibrary();
    }

    private static final byte IDENTITY = 'P';
    private static final byte INDEX = 'I';
    private static final byte OFFSET = 'O';
    private static final byte SCRATCH = 'S';
    private static final int AGB_LENGTH = 8;
    /** 16 MiB: a false "maybe" below 1 in 1,000 up to about 15 million kept records. */
    public static final long DEFAULT_FILTER_BYTES = 16L << 20;

    private final RocksDB db;
    private final DBOptions options;
    private final List<ColumnFamilyOptions> familyOptions;
    /** Identities live in a family of their own: point lookups there never wade through the index. */
    private final ColumnFamilyHandle identityFamily;
    private final List<ColumnFamilyHandle> handles;
    private final LRUCache cache;
    private final WriteOptions writeOptions;
    private final WriteOptions scratchWriteOptions;
    private final AtomicLong scratchRuns = new AtomicLong(System.nanoTime());
    private final IdentityFilter filter;
    /** The second writer of large batches. */
    private final java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "state-writer");
        t.setDaemon(true);
        return t;
    });
    private static final int PARALLEL_FROM = 2_000;

    private RecordStore(RocksDB db, DBOptions options, List<ColumnFamilyOptions> familyOptions,
                        List<ColumnFamilyHandle> handles, LRUCache cache, boolean durable, long filterBytes) {
        this.db = db;
        this.filter = new IdentityFilter(filterBytes);
        this.options = options;
        this.familyOptions = familyOptions;
        this.handles = handles;
        this.identityFamily = handles.get(1);
        this.cache = cache;
        // WAL without fsync survives a killed process (the OS has the log); a lost machine replays the topic.
        this.writeOptions = new WriteOptions().setDisableWAL(!durable);
        this.scratchWriteOptions = new WriteOptions().setDisableWAL(true);
        scan(identityFamily, new byte[] {IDENTITY}, (key, value) -> filter.add(key));
    }

    /**
     * Opens (or creates) the store.
     *
     * @param durable false for a throw-away store ({@code validate}): no write-ahead log
     */
    public static RecordStore open(Path dir, boolean durable, long cacheBytes) throws IOException {
        return open(dir, durable, cacheBytes, DEFAULT_FILTER_BYTES);
    }

    /** @param filterBytes heap for the filter of kept identities (fixed, whatever the number of records) */
    public static RecordStore open(Path dir, boolean durable, long cacheBytes, long filterBytes) throws IOException {
        Files.createDirectories(dir);
        LRUCache cache = new LRUCache(cacheBytes);
        DBOptions options = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
        // Small memtables: random inserts into a large skip list are dearer (see docs/benchmarks.md).
        ColumnFamilyOptions index = new ColumnFamilyOptions()
                .setCompressionType(CompressionType.LZ4_COMPRESSION)
                .setWriteBufferSize(8L << 20)
                .setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(cache).setFilterPolicy(new BloomFilter(10)));
        ColumnFamilyOptions identity = new ColumnFamilyOptions()
                .setCompressionType(CompressionType.NO_COMPRESSION)
                .setWriteBufferSize(8L << 20)
                .setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(cache).setFilterPolicy(new BloomFilter(10)));
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try {
            RocksDB db = RocksDB.open(options, dir.toString(), List.of(
                    new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, index),
                    new ColumnFamilyDescriptor("identity".getBytes(StandardCharsets.US_ASCII), identity)), handles);
            return new RecordStore(db, options, List.of(index, identity), handles, cache, durable, filterBytes);
        } catch (RocksDBException e) {
            options.close();
            index.close();
            identity.close();
            cache.close();
            throw new IOException("cannot open record store at " + dir + ": " + e.getStatus().getCodeString(), e);
        }
    }

    /**
     * A set of changes written atomically. Changes are collected first; {@link #write()} then keeps only
     * the last change per identity, looks up earlier versions in one multi-get — only where the
     * identity filter says one may exist — and replaces them (see docs/benchmarks.md for why).
     */
    public final class Batch implements AutoCloseable {
        private final List<IdentityBytes> identities = new ArrayList<>();
        private final List<byte[]> values = new ArrayList<>();
        private final Map<ByteBuffer, byte[]> offsets = new HashMap<>();

        /** Keeps {@code value} as the current version of its identity, replacing an earlier one. */
        public void put(StateKey key, byte[] value) {
            identities.add(new IdentityBytes(identityKey(key)));
            values.add(value);
        }

        /**
         * The same, for a key as it is on the record-state topic ({@code agb:TYPE:recordKey} in ASCII),
         * without making strings of it; a null value removes.
         */
        public void apply(byte[] stateKey, byte[] value) {
            identities.add(new IdentityBytes(identityKey(stateKey)));
            values.add(value);
        }

        /** Removes the record of this identity, if any. */
        public void delete(StateKey key) {
            identities.add(new IdentityBytes(identityKey(key)));
            values.add(null);
        }

        public void setNextOffset(String topic, int partition, long nextOffset) {
            offsets.put(ByteBuffer.wrap(offsetKey(topic, partition)), ByteBuffer.allocate(8).putLong(nextOffset).array());
        }

        /** How many changes are waiting to be written. */
        public int size() {
            return identities.size();
        }

        public void write() {
            rocks(this::writeChecked);
            identities.clear();
            values.clear();
            offsets.clear();
        }

        private void writeChecked() throws RocksDBException {
            // Only the last change of an identity in this batch counts: earlier ones are never written.
            Map<IdentityBytes, Integer> last = new HashMap<>(identities.size() * 2);
            for (int i = 0; i < identities.size(); i++) last.put(identities.get(i), i);
            List<Integer> kept = new ArrayList<>(last.size());
            for (int i = 0; i < identities.size(); i++) {
                if (last.get(identities.get(i)) == i) kept.add(i);
            }
            if (kept.size() < PARALLEL_FROM) {
                writeChanges(kept);
            } else {
                // Random inserts into the memtables dominate: two writers halve the wall time when the
                // other core is free (identities split by hash, so one identity stays in one half).
                List<Integer> first = new ArrayList<>(kept.size() / 2 + 1);
                List<Integer> second = new ArrayList<>(kept.size() / 2 + 1);
                for (int i : kept) (identities.get(i).hash % 2 == 0 ? first : second).add(i);
                var other = writers.submit(() -> {
                    writeChanges(second);
                    return null;
                });
                writeChanges(first);
                try {
                    other.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StateStoreException(new RocksDBException("interrupted"));
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof StateStoreException failed) throw failed;
                    if (e.getCause() instanceof RocksDBException failed) throw failed;
                    throw new IllegalStateException(e.getCause());
                }
            }
            // Offsets last: a crash before them replays the batch, which is harmless (the same keys).
            if (!offsets.isEmpty()) {
                try (WriteBatch batch = new WriteBatch()) {
                    for (var e : offsets.entrySet()) batch.put(e.getKey().array(), e.getValue());
                    db.write(writeOptions, batch);
                }
            }
        }

        /** Replaces earlier versions of these changes' identities and writes them. */
        private void writeChanges(List<Integer> changes) throws RocksDBException {
            List<byte[]> maybeKept = new ArrayList<>();
            for (int i : changes) {
                byte[] id = identities.get(i).bytes;
                if (filter.mightContain(id)) maybeKept.add(id);
            }
            Map<IdentityBytes, byte[]> stored = new HashMap<>();
            if (!maybeKept.isEmpty()) {
                List<byte[]> found = db.multiGetAsList(java.util.Collections.nCopies(maybeKept.size(), identityFamily),
                        maybeKept);
                for (int i = 0; i < maybeKept.size(); i++) {
                    if (found.get(i) != null) stored.put(new IdentityBytes(maybeKept.get(i)), found.get(i));
                }
            }
            try (WriteBatch batch = new WriteBatch()) {
                for (int i : changes) {
                    IdentityBytes identity = identities.get(i);
                    byte[] id = identity.bytes;
                    byte[] previous = stored.get(identity);
                    if (previous != null) {
                        batch.delete(indexKey(id, previous, 8, ByteBuffer.wrap(previous).getLong()));
                    }
                    byte[] value = values.get(i);
                    if (value == null) {
                        if (previous != null) batch.delete(identityFamily, id);
                    } else {
                        StoredRecord.View view = StoredRecord.view(value);
                        batch.put(identityFamily, id, identityValue(value, view));
                        batch.put(indexKey(id, value, view.patientOffset(), view.anchor()), value);
                        filter.add(id);
                    }
                }
                db.write(writeOptions, batch);
            }
        }

        @Override
        public void close() {
            identities.clear();
            values.clear();
        }
    }

    /** An identity key with a cheap hash (its last bytes are a keyed hash already). */
    private static final class IdentityBytes {
        final byte[] bytes;
        private final int hash;

        IdentityBytes(byte[] bytes) {
            this.bytes = bytes;
            int h = 1;
            for (int i = Math.max(0, bytes.length - 12); i < bytes.length; i++) h = 31 * h + bytes[i];
            this.hash = h;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof IdentityBytes other && hash == other.hash && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** The identity entry: anchor, patient pseudonym, delivering connector. */
    private static byte[] identityValue(byte[] value, StoredRecord.View view) {
        int connectorLength = view.patientOffset() - 3;
        return ByteBuffer.allocate(8 + Pseudonymizer.LENGTH + connectorLength)
                .putLong(view.anchor())
                .put(value, view.patientOffset(), Pseudonymizer.LENGTH)
                .put(value, 3, connectorLength)
                .array();
    }

    public Batch newBatch() {
        return new Batch();
    }

    /** Forgets everything, for a rebuild from the topic. */
    public void clear() {
        rocks(() -> {
            for (ColumnFamilyHandle family : handles) {
                db.deleteRange(family, writeOptions, new byte[] {0}, new byte[] {(byte) 0xff});
            }
        });
    }

    /** The next offset to apply for a topic partition, or -1 when nothing was applied yet. */
    public long nextOffset(String topic, int partition) {
        byte[][] v = new byte[1][];
        rocks(() -> v[0] = db.get(offsetKey(topic, partition)));
        return v[0] == null ? -1 : ByteBuffer.wrap(v[0]).getLong();
    }

    /** Receives records in (patient, anchor) order. */
    @FunctionalInterface
    public interface RecordVisitor {
        void visit(StoredRecord.View record);
    }

    /** Every kept record of a hospital and type, ordered by patient pseudonym, then anchor. */
    public void forEachRecord(String agb, RecordType type, RecordVisitor visitor) {
        scan(prefix(INDEX, agb, type), (key, value) -> visitor.visit(StoredRecord.view(value)));
    }

    /** What the identity entry tells about a kept record, for snapshot removal. */
    public record Identity(StateKey key, long anchor, String connector) {
    }

    /** Every kept record's identity of a hospital and type. */
    public void forEachIdentity(String agb, RecordType type, java.util.function.Consumer<Identity> visitor) {
        byte[] prefix = prefix(IDENTITY, agb, type);
        scan(identityFamily, prefix, (key, value) -> {
            String recordKey = new String(key, prefix.length, key.length - prefix.length, StandardCharsets.US_ASCII);
            ByteBuffer v = ByteBuffer.wrap(value);
            long anchor = v.getLong();
            String connector = new String(value, 8 + Pseudonymizer.LENGTH, value.length - 8 - Pseudonymizer.LENGTH,
                    StandardCharsets.UTF_8);
            visitor.accept(new Identity(new StateKey(agb, type, recordKey), anchor, connector));
        });
    }

    /** A hospital and record type that has at least one kept record. */
    public record HospitalType(String agb, RecordType type) {
    }

    /** Every (hospital, type) with kept records, found by skipping from prefix to prefix. */
    public List<HospitalType> hospitalTypes() {
        List<HospitalType> found = new ArrayList<>();
        try (ReadOptions read = new ReadOptions(); RocksIterator it = db.newIterator(identityFamily, read)) {
            it.seek(new byte[] {IDENTITY});
            while (it.isValid()) {
                byte[] key = it.key();
                if (key[0] != IDENTITY || key.length < 1 + AGB_LENGTH + 1) {
                    break;
                }
                String agb = new String(key, 1, AGB_LENGTH, StandardCharsets.US_ASCII);
                RecordType type = RecordType.ofId(key[1 + AGB_LENGTH]);
                found.add(new HospitalType(agb, type));
                it.seek(upperBound(Arrays.copyOf(key, 2 + AGB_LENGTH)));
            }
        }
        return found;
    }

    /** A temporary on-disk set of record keys, for the ids a snapshot extract contains. */
    public final class ScratchSet implements AutoCloseable {
        private final byte[] prefix = ByteBuffer.allocate(9).put(SCRATCH).putLong(scratchRuns.incrementAndGet()).array();

        public void add(String recordKey) {
            rocks(() -> db.put(scratchWriteOptions, key(recordKey), new byte[0]));
        }

        public boolean contains(String recordKey) {
            boolean[] found = new boolean[1];
            rocks(() -> found[0] = db.get(key(recordKey)) != null);
            return found[0];
        }

        private byte[] key(String recordKey) {
            byte[] k = recordKey.getBytes(StandardCharsets.US_ASCII);
            return ByteBuffer.allocate(prefix.length + k.length).put(prefix).put(k).array();
        }

        @Override
        public void close() {
            rocks(() -> db.deleteRange(scratchWriteOptions, prefix, upperBound(prefix)));
        }
    }

    public ScratchSet newScratchSet() {
        return new ScratchSet();
    }

    private interface RocksCall {
        void run() throws RocksDBException;
    }

    private static void rocks(RocksCall call) {
        try {
            call.run();
        } catch (RocksDBException e) {
            throw new StateStoreException(e);
        }
    }

    private interface EntryVisitor {
        void visit(byte[] key, byte[] value);
    }

    private void scan(byte[] prefix, EntryVisitor visitor) {
        scan(handles.get(0), prefix, visitor);
    }

    private void scan(ColumnFamilyHandle family, byte[] prefix, EntryVisitor visitor) {
        try (Slice upper = new Slice(upperBound(prefix));
             ReadOptions read = new ReadOptions().setIterateUpperBound(upper).setFillCache(false);
             RocksIterator it = db.newIterator(family, read)) {
            for (it.seek(prefix); it.isValid(); it.next()) {
                visitor.visit(it.key(), it.value());
            }
        }
    }

    private static byte[] prefix(byte space, String agb, RecordType type) {
        return ByteBuffer.allocate(2 + AGB_LENGTH).put(space).put(agbBytes(agb)).put(type.id()).array();
    }

    private static byte[] identityKey(StateKey key) {
        byte[] recordKey = key.recordKey().getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(2 + AGB_LENGTH + recordKey.length)
                .put(IDENTITY).put(agbBytes(key.agb())).put(key.type().id()).put(recordKey).array();
    }

    /**
     * The index key of an identity: the identity's hospital and type, the patient pseudonym read from
     * {@code source} at {@code patientOffset}, the anchor, then the identity's record key.
     */
    private static byte[] indexKey(byte[] identity, byte[] source, int patientOffset, long anchor) {
        int head = 1 + AGB_LENGTH + 1;
        return ByteBuffer.allocate(identity.length + Pseudonymizer.LENGTH + 8)
                .put(INDEX).put(identity, 1, head - 1)
                .put(source, patientOffset, Pseudonymizer.LENGTH)
                .putLong(anchor ^ Long.MIN_VALUE) // sign flip: byte order equals numeric order
                .put(identity, head, identity.length - head)
                .array();
    }

    /** The identity key of a state key as it is on the topic: {@code agb:TYPE:recordKey}, ASCII. */
    private static byte[] identityKey(byte[] stateKey) {
        if (stateKey.length < AGB_LENGTH + 3 || stateKey[AGB_LENGTH] != ':') {
            throw new IllegalArgumentException("not a state key");
        }
        int typeEnd = AGB_LENGTH + 1;
        while (typeEnd < stateKey.length && stateKey[typeEnd] != ':') typeEnd++;
        RecordType type = RecordType.ofCode(new String(stateKey, AGB_LENGTH + 1, typeEnd - AGB_LENGTH - 1,
                StandardCharsets.US_ASCII)).orElseThrow(() -> new IllegalArgumentException("unknown record type"));
        int recordKeyLength = stateKey.length - typeEnd - 1;
        return ByteBuffer.allocate(2 + AGB_LENGTH + recordKeyLength)
                .put(IDENTITY).put(stateKey, 0, AGB_LENGTH).put(type.id()).put(stateKey, typeEnd + 1, recordKeyLength)
                .array();
    }

    private static byte[] offsetKey(String topic, int partition) {
        byte[] t = topic.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + t.length + 1 + 4).put(OFFSET).put(t).put((byte) 0).putInt(partition).array();
    }

    private static byte[] agbBytes(String agb) {
        byte[] b = agb.getBytes(StandardCharsets.US_ASCII);
        if (b.length != AGB_LENGTH) {
            throw new IllegalArgumentException("an AGB code has 8 digits");
        }
        return b;
    }

    /** The smallest key greater than every key starting with {@code prefix}. */
    private static byte[] upperBound(byte[] prefix) {
        byte[] upper = prefix.clone();
        for (int i = upper.length - 1; i >= 0; i--) {
            if (upper[i] != (byte) 0xff) {
                upper[i]++;
                return Arrays.copyOf(upper, i + 1);
            }
        }
        throw new IllegalArgumentException("no upper bound");
    }

    @Override
    public void close() {
        writeOptions.close();
        scratchWriteOptions.close();
        writers.shutdownNow();
        handles.forEach(ColumnFamilyHandle::close);
        db.close();
        options.close();
        familyOptions.forEach(ColumnFamilyOptions::close);
        cache.close();
    }
}
