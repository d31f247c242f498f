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
    private final List<IdentityBytes> identities = new ArrayList<>();
    private final List<byte[]> values = new ArrayList<>();
    private final Map<ByteBuffer, byte[]> offsets = new HashMap<>();

    StoreBatch(RocksDB db, ColumnFamilyHandle identityFamily, IdentityFilter filter, WriteOptions writeOptions) {
        this.db = db;
        this.identityFamily = identityFamily;
        this.filter = filter;
        this.writeOptions = writeOptions;
    }

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
        Rocks.call(this::writeChecked);
        identities.clear();
        values.clear();
        offsets.clear();
    }

    private void writeChecked() throws RocksDBException {
        // Only the last change of an identity in this batch counts: earlier ones are never written.
        // Walked from the end, the first sighting of an identity is its last change.
        java.util.Set<IdentityBytes> seen = new java.util.HashSet<>(identities.size() * 2);
        int[] kept = new int[identities.size()];
        int from = kept.length;
        for (int i = identities.size() - 1; i >= 0; i--) {
            if (seen.add(identities.get(i))) kept[--from] = i;
        }
        writeChanges(Arrays.copyOfRange(kept, from, kept.length));
        // Offsets last: a crash before them replays the batch, which is harmless (the same keys).
        if (!offsets.isEmpty()) {
            try (WriteBatch batch = new WriteBatch()) {
                for (var e : offsets.entrySet()) batch.put(e.getKey().array(), e.getValue());
                db.write(writeOptions, batch);
            }
        }
    }

    /** Replaces earlier versions of these changes' identities and writes them. */
    private void writeChanges(int[] changes) throws RocksDBException {
        List<byte[]> maybeKept = new ArrayList<>();
        for (int i : changes) {
            byte[] id = identities.get(i).bytes;
            // Added now, before it is written: the filter may only ever say "maybe" too often.
            if (filter.addAndTell(id)) maybeKept.add(id);
        }
        Map<IdentityBytes, byte[]> stored = new HashMap<>();
        if (!maybeKept.isEmpty()) {
            List<byte[]> found = db.multiGetAsList(Collections.nCopies(maybeKept.size(), identityFamily),
                    maybeKept);
            for (int i = 0; i < maybeKept.size(); i++) {
                if (found.get(i) != null) stored.put(new IdentityBytes(maybeKept.get(i)), found.get(i));
            }
        }
        // Written in key order, per family: the memtable's skip list then inserts each key next to the
        // one before it instead of searching from the top (see docs/benchmarks.md).
        List<Change> identityChanges = new ArrayList<>(changes.length);
        List<Change> indexChanges = new ArrayList<>(changes.length + stored.size());
        for (int i : changes) {
            IdentityBytes identity = identities.get(i);
            byte[] id = identity.bytes;
            byte[] previous = stored.get(identity);
            if (previous != null) {
                indexChanges.add(new Change(indexKey(id, previous, 8, ByteBuffer.wrap(previous).getLong()), null));
            }
            byte[] value = values.get(i);
            if (value == null) {
                if (previous != null) identityChanges.add(new Change(id, null));
            } else {
                StoredRecord.View view = StoredRecord.view(value);
                identityChanges.add(new Change(id, identityValue(value, view)));
                indexChanges.add(new Change(indexKey(id, value, view.patientOffset(), view.anchor()), value));
            }
        }
        // Stable: a removed index entry stays before a new one under the same key.
        try (WriteBatch batch = new WriteBatch()) {
            for (Change c : sorted(identityChanges)) {
                if (c.value == null) batch.delete(identityFamily, c.key);
                else batch.put(identityFamily, c.key, c.value);
            }
            for (Change c : sorted(indexChanges)) {
                if (c.value == null) batch.delete(c.key);
                else batch.put(c.key, c.value);
            }
            db.write(writeOptions, batch);
        }
    }

    private static List<Change> sorted(List<Change> changes) {
        byte[][] keys = new byte[changes.size()][];
        for (int i = 0; i < keys.length; i++) keys[i] = changes.get(i).key;
        int[] order = KeyOrder.of(keys);
        List<Change> sorted = new ArrayList<>(order.length);
        for (int i : order) sorted.add(changes.get(i));
        return sorted;
    }

    /** One put (a value) or delete (null) of one key. */
    private record Change(byte[] key, byte[] value) {
    }

    @Override
    public void close() {
        identities.clear();
        values.clear();
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
}
