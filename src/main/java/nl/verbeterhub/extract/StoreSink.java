package nl.verbeterhub.extract;

import java.util.function.Consumer;
import nl.verbeterhub.state.RecordStore;
import nl.verbeterhub.state.StateKey;
import nl.verbeterhub.state.StoreBatch;

/** Writes an extract straight into a local store, in batches: the sink of {@code validate}. */
public final class StoreSink implements ExtractSink, AutoCloseable {

    private static final int BATCH_SIZE = 10_000;

    private final StoreBatch batch;
    private final Consumer<Rejection> rejections;

    public StoreSink(RecordStore store, Consumer<Rejection> rejections) {
        this.batch = store.newBatch();
        this.rejections = rejections;
    }

    @Override
    public void put(StateKey key, byte[] storedRecord) {
        batch.put(key, storedRecord);
        writeWhenFull();
    }

    @Override
    public void remove(StateKey key) {
        batch.delete(key);
        writeWhenFull();
    }

    @Override
    public void reject(Rejection rejection) {
        rejections.accept(rejection);
    }

    @Override
    public void checkpoint() {
        batch.write();
    }

    private void writeWhenFull() {
        if (batch.size() >= BATCH_SIZE) batch.write();
    }

    /** Writes what is left. */
    @Override
    public void close() {
        try {
            batch.write();
        } finally {
            batch.close();
        }
    }
}
