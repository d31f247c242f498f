package nl.verbeterhub.state;

import static nl.verbeterhub.state.StoreKeys.identityKey;
import static nl.verbeterhub.state.StoreKeys.identityValue;
import static nl.verbeterhub.state.StoreKeys.indexKey;
import static nl.verbeterhub.state.StoreKeys.offsetKey;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * A set of changes written atomically. Changes are collected first; {@link #write()} then keeps only
 * the last change per identity, looks up earlier versions in one multi-get — only where the
 * identity filter says one may exist — and replaces them (see docs/benchmarks.md for why).
 */
public final class StoreBatch implements AutoCloseable {

    private final RocksDB db;
    private final ColumnFamilyHandle identityFamily;
    private final IdentityFilter filter;
    private final WriteOptions writeOptions;
    // Changes in arrival order: identity keys and their values (null removes).
    private byte[][] identities = new byte[1024][];
    private byte[][] values = new byte[1024][];
    private int size;
    private final Map<ByteBuffer, byte[]> offsets = new HashMap<>();

    StoreBatch(RocksDB db, ColumnFamilyHandle identityFamily, IdentityFilter filter, WriteOptions writeOptions) {
        this.db = db;
        this.identityFamily = identityFamily;
        this.filter = filter;
        this.writeOptions = writeOptions;
    }

    /** Keeps {@code value} as the current version of its identity, replacing an earlier one. */
    public void put(StateKey key, byte[] value) {
        add(identityKey(key), value);
    }

    /**
     * The same, for a key as it is on the record-state topic ({@code agb:TYPE:recordKey} in ASCII),
     * without making strings of it; a null value removes.
     */
    public void apply(byte[] stateKey, byte[] value) {
        add(identityKey(stateKey), value);
    }

    /** Removes the record of this identity, if any. */
    public void delete(StateKey key) {
        add(identityKey(key), null);
    }

    private void add(byte[] identity, byte[] value) {
        if (size == identities.length) {
            identities = Arrays.copyOf(identities, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        identities[size] = identity;
        values[size++] = value;
    }

    public void setNextOffset(String topic, int partition, long nextOffset) {
        offsets.put(ByteBuffer.wrap(offsetKey(topic, partition)), ByteBuffer.allocate(8).putLong(nextOffset).array());
    }

    /** How many changes are waiting to be written. */
    public int size() {
        return size;
    }

    public void write() {
        Rocks.call(this::writeChecked);
        clear();
        offsets.clear();
    }

    private void writeChecked() throws RocksDBException {
        if (size > 0) writeChanges(lastChangePerIdentity());
        // Offsets last: a crash before them replays the batch, which is harmless (the same keys).
        if (!offsets.isEmpty()) {
            try (WriteBatch batch = new WriteBatch()) {
                for (var e : offsets.entrySet()) batch.put(e.getKey().array(), e.getValue());
                db.write(writeOptions, batch);
            }
        }
    }

    /**
     * The positions of the changes that count, in identity-key order: only the last change of an
     * identity in this batch is written. The stable sort puts an identity's changes next to each other
     * in arrival order, so the last of each run of equal keys is the one kept.
     */
    private int[] lastChangePerIdentity() {
        int[] order = KeyOrder.of(Arrays.copyOf(identities, size));
        int kept = 0;
        for (int j = 0; j < order.length; j++) {
            if (j + 1 < order.length && Arrays.equals(identities[order[j]], identities[order[j + 1]])) continue;
            order[kept++] = order[j];
        }
        return Arrays.copyOf(order, kept);
    }

    /** Replaces earlier versions of these changes' identities and writes them, in key order per family. */
    private void writeChanges(int[] changes) throws RocksDBException {
        byte[][] previous = earlierVersions(changes);
        // What each change writes, worked out in arrival order, which is the order its bytes lie in
        // memory (in key order every record's first touch was a cache miss).
        byte[][] identityValues = new byte[size][];
        byte[][] indexKeys = new byte[changes.length * 2][];
        byte[][] indexValues = new byte[indexKeys.length][];
        int indexed = 0;
        int[] byArrival = changes.clone();
        Arrays.sort(byArrival);
        for (int position : byArrival) {
            byte[] id = identities[position];
            byte[] earlier = previous == null ? null : previous[position];
            if (earlier != null) {
                // A removed index entry goes before a new one: under the same key, the new one wins.
                indexKeys[indexed++] = indexKey(id, earlier, 8, ByteBuffer.wrap(earlier).getLong());
            }
            byte[] value = values[position];
            if (value != null) {
                StoredRecord.View view = StoredRecord.view(value);
                identityValues[position] = identityValue(value, view);
                indexValues[indexed] = value;
                indexKeys[indexed++] = indexKey(id, value, view.patientOffset(), view.anchor());
            }
        }
        // Written in key order, per family: the memtable's skip list then inserts each key next to the
        // one before it instead of searching from the top (see docs/benchmarks.md). The identities are
        // in key order already.
        BatchBytes batch = new BatchBytes(changes.length * 256);
        for (int position : changes) {
            if (identityValues[position] != null) batch.put(identityFamily, identities[position], identityValues[position]);
            else if (previous != null && previous[position] != null) batch.delete(identityFamily, identities[position]);
        }
        for (int j : KeyOrder.of(Arrays.copyOf(indexKeys, indexed))) {
            if (indexValues[j] == null) batch.delete(indexKeys[j]);
            else batch.put(indexKeys[j], indexValues[j]);
        }
        try (WriteBatch written = batch.toWriteBatch()) {
            db.write(writeOptions, written);
        }
    }

    /**
     * The stored identity values of these changes, by position in the batch, looked up in one
     * multi-get only where the identity filter says one may exist; null when none may.
     */
    private byte[][] earlierVersions(int[] changes) throws RocksDBException {
        int[] maybe = new int[changes.length];
        int candidates = 0;
        for (int position : changes) {
            // Added now, before it is written: the filter may only ever say "maybe" too often.
            if (filter.addAndTell(identities[position])) maybe[candidates++] = position;
        }
        if (candidates == 0) return null;
        List<byte[]> keys = new ArrayList<>(candidates);
        for (int c = 0; c < candidates; c++) keys.add(identities[maybe[c]]);
        List<byte[]> found = db.multiGetAsList(Collections.nCopies(candidates, identityFamily), keys);
        byte[][] previous = new byte[size][];
        for (int c = 0; c < candidates; c++) previous[maybe[c]] = found.get(c);
        return previous;
    }

    private void clear() {
        Arrays.fill(identities, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
    }

    @Override
    public void close() {
        clear();
    }
}
