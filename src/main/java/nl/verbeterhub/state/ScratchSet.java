package nl.verbeterhub.state;

import static nl.verbeterhub.state.StoreKeys.SCRATCH;
import static nl.verbeterhub.state.StoreKeys.upperBound;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteOptions;

/** A temporary on-disk set of record keys (the ids a snapshot extract contains), removed on close. */
public final class ScratchSet implements AutoCloseable {

    private final RocksDB db;
    private final WriteOptions writeOptions;
    private final byte[] prefix;

    ScratchSet(RocksDB db, WriteOptions writeOptions, long run) {
        this.db = db;
        this.writeOptions = writeOptions;
        this.prefix = ByteBuffer.allocate(9).put(SCRATCH).putLong(run).array();
    }

    public void add(String recordKey) {
        Rocks.call(() -> db.put(writeOptions, key(recordKey), new byte[0]));
    }

    public boolean contains(String recordKey) {
        boolean[] found = new boolean[1];
        Rocks.call(() -> found[0] = db.get(key(recordKey)) != null);
        return found[0];
    }

    private byte[] key(String recordKey) {
        byte[] k = recordKey.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(prefix.length + k.length).put(prefix).put(k).array();
    }

    @Override
    public void close() {
        Rocks.call(() -> db.deleteRange(writeOptions, prefix, upperBound(prefix)));
    }
}
