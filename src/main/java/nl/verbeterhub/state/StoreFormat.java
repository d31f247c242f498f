package nl.verbeterhub.state;

import java.util.List;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteOptions;

/**
 * The store's layout version, one key of its own ({@link StoreKeys#FORMAT_KEY}). A store of another
 * layout is refused: its keys would sit beside this layout's and count records twice (decision 13).
 */
final class StoreFormat {

    private StoreFormat() {
    }

    /** Passes a store of this layout, marks a new, empty one, refuses any other. */
    static void checkOrMark(RocksDB db, List<ColumnFamilyHandle> families, WriteOptions writeOptions) {
        Rocks.call(() -> {
            byte[] format = db.get(StoreKeys.FORMAT_KEY);
            if (format != null && format.length == 1 && format[0] == StoreKeys.FORMAT) return;
            boolean empty = true;
            for (ColumnFamilyHandle family : families) {
                try (RocksIterator it = db.newIterator(family)) {
                    it.seekToFirst();
                    empty &= !it.isValid();
                }
            }
            if (format != null || !empty) {
                throw new IncompatibleStateFormatException("the record store under data/state was written by an"
                        + " earlier version of the hub; delete data/ and the hub's topics, then deliver the extracts again");
            }
            mark(db, writeOptions);
        });
    }

    /** Marks the store with this layout (a new store, or one just cleared for a rebuild). */
    static void mark(RocksDB db, WriteOptions writeOptions) throws RocksDBException {
        db.put(writeOptions, StoreKeys.FORMAT_KEY, new byte[] {StoreKeys.FORMAT});
    }
}
