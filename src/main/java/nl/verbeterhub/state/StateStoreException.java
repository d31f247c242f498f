package nl.verbeterhub.state;

import org.rocksdb.RocksDBException;

/** The local record store failed (disk full, corruption); carries RocksDB's status code only. */
public class StateStoreException extends RuntimeException {

    public StateStoreException(RocksDBException cause) {
        super("record store: " + (cause.getStatus() == null ? "error" : cause.getStatus().getCodeString()), cause);
    }
}
