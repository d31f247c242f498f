package nl.verbeterhub.state;

import static nl.verbeterhub.state.StoreKeys.AGB_LENGTH;
import static nl.verbeterhub.state.StoreKeys.IDENTITY;
import static nl.verbeterhub.state.StoreKeys.INDEX;
import static nl.verbeterhub.state.StoreKeys.offsetKey;
import static nl.verbeterhub.state.StoreKeys.prefix;
import static nl.verbeterhub.state.StoreKeys.upperBound;

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
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.WriteOptions;

/**
 * The local, on-disk copy of the record state (design-notes §1, §5): every accepted record keyed by
 * identity, plus an index ordered by (hospital, type, patient, anchor) from which the indicators are
 * recomputed in one pass at constant heap. RocksDB keeps it off the Java heap; {@link StoreKeys} has
 * the layout, {@link StoreBatch} writes.
 */
public final class RecordStore implements AutoCloseable {

    static {
        RocksDB.loadLibrary();
    }

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
    private final AtomicLong scratchRuns = new AtomicLong(System.nanoTime());
    private final IdentityFilter filter;
    private final ReadAhead readAhead = new ReadAhead();

    private RecordStore(RocksDB db, DBOptions options, List<ColumnFamilyOptions> familyOptions,
                        List<ColumnFamilyHandle> handles, LRUCache cache, long filterBytes) {
        this.db = db;
        this.filter = new IdentityFilter(filterBytes);
        this.options = options;
        this.familyOptions = familyOptions;
        this.handles = handles;
        this.identityFamily = handles.get(1);
        this.cache = cache;
        // No write-ahead log: everything here is replayed from the record topic. Atomic flushes persist
        // both families and the applied offsets as of one write, so a killed process resumes from
        // offsets that match what survived (docs/decisions.md). The log cost a tenth of the writes.
        this.writeOptions = new WriteOptions().setDisableWAL(true);
        scan(identityFamily, new byte[] {IDENTITY}, true, false, (key, value) -> filter.add(key));
    }

    /** Opens (or creates) the store. */
    public static RecordStore open(Path dir, long cacheBytes) throws IOException {
        return open(dir, cacheBytes, DEFAULT_FILTER_BYTES);
    }

    /** @param filterBytes heap for the filter of kept identities (fixed, whatever the number of records) */
    public static RecordStore open(Path dir, long cacheBytes, long filterBytes) throws IOException {
        Files.createDirectories(dir);
        LRUCache cache = new LRUCache(cacheBytes);
        DBOptions options = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true)
                .setAtomicFlush(true);
        // No Bloom filter on the index: it is only ever scanned, and building filters cost flushes and
        // compactions a hash of every key. Identities are looked up, so theirs keep one.
        ColumnFamilyOptions index = familyOptions(CompressionType.LZ4_COMPRESSION,
                new BlockBasedTableConfig().setBlockCache(cache));
        ColumnFamilyOptions identity = familyOptions(CompressionType.NO_COMPRESSION,
                new BlockBasedTableConfig().setBlockCache(cache).setFilterPolicy(new BloomFilter(10)));
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try {
            RocksDB db = RocksDB.open(options, dir.toString(), List.of(
                    new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, index),
                    new ColumnFamilyDescriptor("identity".getBytes(StandardCharsets.US_ASCII), identity)), handles);
            RecordStore store = new RecordStore(db, options, List.of(index, identity), handles, cache, filterBytes);
            try {
                StoreFormat.checkOrMark(store.db, store.handles, store.writeOptions);
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
            return store;
        } catch (RocksDBException e) {
            options.close();
            index.close();
            identity.close();
            cache.close();
            throw new IOException("cannot open record store at " + dir + ": " + e.getStatus().getCodeString(), e);
        }
    }

    /**
     * Modest memtables (sorted writes keep inserts cheap), and compaction only from twelve level-0
     * files: keys are random, so every level-0 compaction rewrites the whole first level, and at the
     * default of four that rewriting took a fifth of the server path's CPU (docs/benchmarks.md).
     */
    private static ColumnFamilyOptions familyOptions(CompressionType compression, BlockBasedTableConfig table) {
        return new ColumnFamilyOptions()
                .setCompressionType(compression)
                .setWriteBufferSize(16L << 20)
                .setLevel0FileNumCompactionTrigger(12)
                .setLevel0SlowdownWritesTrigger(30)
                .setLevel0StopWritesTrigger(40)
                .setTableFormatConfig(table);
    }

    public StoreBatch newBatch() {
        return new StoreBatch(db, identityFamily, filter, writeOptions);
    }

    /** Forgets everything, for a rebuild from the topic. */
    public void clear() {
        Rocks.call(() -> {
            for (ColumnFamilyHandle family : handles) {
                db.deleteRange(family, writeOptions, new byte[] {0}, new byte[] {(byte) 0xff});
            }
            StoreFormat.mark(db, writeOptions);
        });
    }

    /** The next offset to apply for a topic partition, or -1 when nothing was applied yet. */
    public long nextOffset(String topic, int partition) {
        byte[][] v = new byte[1][];
        Rocks.call(() -> v[0] = db.get(offsetKey(topic, partition)));
        return v[0] == null ? -1 : ByteBuffer.wrap(v[0]).getLong();
    }

    /** Receives records in (patient, anchor) order. */
    @FunctionalInterface
    public interface RecordVisitor {
        void visit(StoredRecord.View record);
    }

    /**
     * Every kept record of a hospital and type, ordered by patient pseudonym, then anchor, visited on
     * the calling thread while a reader fetches the next ones ({@link ReadAhead}).
     */
    public void forEachRecord(String agb, RecordType type, RecordVisitor visitor) {
        // Values only: each key or value fetched is one more call into RocksDB and one more array.
        readAhead.forEach(sink -> scan(handles.get(0), prefix(INDEX, agb, type), false, true, (key, value) -> sink.accept(value)),
                value -> visitor.visit(StoredRecord.view(value)));
    }

    /** What the identity entry tells about a kept record, for snapshot removal. */
    public record Identity(StateKey key, long anchor, String connector) {
    }

    /** The patient pseudonym kept under this identity (a patient link's, a record's), or null when there is none. */
    public byte[] patientOf(StateKey key) {
        byte[][] value = new byte[1][];
        Rocks.call(() -> value[0] = db.get(identityFamily, StoreKeys.identityKey(key)));
        return value[0] == null ? null : Arrays.copyOfRange(value[0], 8, 8 + Pseudonymizer.LENGTH);
    }

    /** Every kept record's identity of a hospital and type. */
    public void forEachIdentity(String agb, RecordType type, java.util.function.Consumer<Identity> visitor) {
        byte[] prefix = prefix(IDENTITY, agb, type);
        scan(identityFamily, prefix, true, true, (key, value) -> {
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
    public ScratchSet newScratchSet() {
        return new ScratchSet(db, writeOptions, scratchRuns.incrementAndGet());
    }

    private interface EntryVisitor {
        void visit(byte[] key, byte[] value);
    }

    /** Visits the entries under {@code prefix}, fetching only the keys and values asked for (else null). */
    private void scan(ColumnFamilyHandle family, byte[] prefix, boolean keys, boolean values, EntryVisitor visitor) {
        try (Slice upper = new Slice(upperBound(prefix));
             ReadOptions read = new ReadOptions().setIterateUpperBound(upper).setFillCache(false);
             RocksIterator it = db.newIterator(family, read)) {
            for (it.seek(prefix); it.isValid(); it.next()) {
                visitor.visit(keys ? it.key() : null, values ? it.value() : null);
            }
        }
    }

    @Override
    public void close() {
        readAhead.close();
        writeOptions.close();
        handles.forEach(ColumnFamilyHandle::close);
        db.close();
        options.close();
        familyOptions.forEach(ColumnFamilyOptions::close);
        cache.close();
    }
}
