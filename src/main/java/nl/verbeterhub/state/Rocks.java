package nl.verbeterhub.state;

import org.rocksdb.RocksDBException;

/** RocksDB's checked exception turned into the store's unchecked one, in one place. */
public final class Rocks {

    public interface Call {
        void run() throws RocksDBException;
    }

    private Rocks() {
    }

    public static void call(Call call) {
        try {
            call.run();
        } catch (RocksDBException e) {
            throw new StateStoreException(e);
        }
    }
}
