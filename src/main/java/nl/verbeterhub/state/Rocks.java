package nl.verbeterhub.state;

import org.rocksdb.RocksDBException;

/** RocksDB's checked exception turned into the store's unchecked one, in one place. */
final class Rocks {

    interface Call {
        void run() throws RocksDBException;
    }

    private Rocks() {
    }

    static void call(Call call) {
        try {
            call.run();
        } catch (RocksDBException e) {
            throw new StateStoreException(e);
        }
    }
}
