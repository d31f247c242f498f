package nl.verbeterhub.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import nl.verbeterhub.pseudonym.Pseudonymizer;
import nl.verbeterhub.record.RecordType;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompressionType;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.WriteBatchWithIndex;
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

    private final RocksDB db;
    private final Options options;
    private final LRUCache cache;
    private final WriteOptions writeOptions;
    private final WriteOptions scratchWriteOptions;
    private final AtomicLong scratchRuns = new AtomicLong(System.nanoTime());

    private RecordStore(RocksDB db, Options options, LRUCache cache, boolean durable) {
        this.db = db;
        this.options = options;
        this.cache = cache;
        // WAL without fsync survives a killed process (the OS has the log); a lost machine replays the topic.
        this.writeOptions = new WriteOptions().setDisableWAL(!durable);
        this.scratchWriteOptions = new WriteOptions().setDisableWAL(true);
    }

    /**
     * Opens (or creates) the store.
     *
     * @param durable false for a throw-away store ({@code validate}): no write-ahead log
     */
    public static RecordStore open(Path dir, boolean durable, long cacheBytes) throws IOException {
        Files.createDirectories(dir);
        LRUCache cache = new LRUCache(cacheBytes);
        Options options = new Options()
                .setCreateIfMissing(true)
                .setCompressionType(CompressionType.LZ4_COMPRESSION)
                .setWriteBufferSize(32L << 20)
                .setMaxWriteBufferNumber(3)
                .setTableFormatConfig(new BlockBasedTableConfig()
                        .setBlockCache(cache)
                        .setFilterPolicy(new BloomFilter(10)));
        try {
            return new RecordStore(RocksDB.open(options, dir.toString()), options, cache, durable);
        } catch (RocksDBException e) {
            options.close();
            cache.close();
            throw new IOException("cannot open record store at " + dir + ": " + e.getStatus().getCodeString(), e);
        }
    }

    /** A set of changes written atomically, which sees its own earlier changes. */
    public final class Batch implements AutoCloseable {
        private final WriteBatchWithIndex batch = new WriteBatchWithIndex(true);
        private final ReadOptions read = new ReadOptions();

        /** Keeps {@code value} as the current version of its identity, replacing an earlier one. */
        public void put(StateKey key, byte[] value) {
            rocks(() -> putChecked(key, value));
        }

        private void putChecked(StateKey key, byte[] value) throws RocksDBException {
            byte[] identity = identityKey(key);
            removeIndexEntry(key, identity);
            StoredRecord.View view = StoredRecord.view(value);
            byte[] connector = view.connector().getBytes(StandardCharsets.UTF_8);
            byte[] identityValue = ByteBuffer.allocate(8 + Pseudonymizer.LENGTH + connector.length)
                    .putLong(view.anchor())
                    .put(value, view.patientOffset(), Pseudonymizer.LENGTH)
                    .put(connector)
                    .array();
            batch.put(identity, identityValue);
            batch.put(indexKey(key, value, view.patientOffset(), view.anchor()), value);
        }

        /** Removes the record of this identity, if any. */
        public void delete(StateKey key) {
            rocks(() -> {
                byte[] identity = identityKey(key);
                if (removeIndexEntry(key, identity)) {
                    batch.delete(identity);
                }
            });
        }

        public void setNextOffset(String topic, int partition, long nextOffset) {
            rocks(() -> batch.put(offsetKey(topic, partition), ByteBuffer.allocate(8).putLong(nextOffset).array()));
        }

        /** How many changes are waiting to be written. */
        public int size() {
            return batch.count();
        }

        private boolean removeIndexEntry(StateKey key, byte[] identity) throws RocksDBException {
            byte[] previous = batch.getFromBatchAndDB(db, read, identity);
            if (previous == null) {
                return false;
            }
            ByteBuffer p = ByteBuffer.wrap(previous);
            long anchor = p.getLong();
            batch.delete(indexKey(key, previous, 8, anchor));
            return true;
        }

        public void write() {
            rocks(() -> db.write(writeOptions, batch));
            batch.clear();
        }

        @Override
        public void close() {
            read.close();
            batch.close();
        }
    }

    public Batch newBatch() {
        return new Batch();
    }

    /** Forgets everything, for a rebuild from the topic. */
    public void clear() {
        rocks(() -> db.deleteRange(writeOptions, new byte[] {0}, new byte[] {(byte) 0xff}));
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
        scan(prefix, (key, value) -> {
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
        try (ReadOptions read = new ReadOptions(); RocksIterator it = db.newIterator(read)) {
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
        try (Slice upper = new Slice(upperBound(prefix));
             ReadOptions read = new ReadOptions().setIterateUpperBound(upper).setFillCache(false);
             RocksIterator it = db.newIterator(read)) {
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

    /** The index key; the patient pseudonym is read from {@code source} at {@code patientOffset}. */
    private static byte[] indexKey(StateKey key, byte[] source, int patientOffset, long anchor) {
        byte[] recordKey = key.recordKey().getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(2 + AGB_LENGTH + Pseudonymizer.LENGTH + 8 + recordKey.length)
                .put(INDEX).put(agbBytes(key.agb())).put(key.type().id())
                .put(source, patientOffset, Pseudonymizer.LENGTH)
                .putLong(anchor ^ Long.MIN_VALUE) // sign flip: byte order equals numeric order
                .put(recordKey)
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
        db.close();
        options.close();
        cache.close();
    }
}
