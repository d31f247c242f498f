package nl.verbeterhub.extract;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import nl.verbeterhub.state.RecordStore;
import nl.verbeterhub.state.StateKey;
import nl.verbeterhub.state.StoreBatch;

/**
 * Writes an extract straight into a local store, in batches: the sink of {@code validate}. A full batch is
 * written on a thread of its own while the next one fills, so that reading and writing overlap on two
 * cores (the store's writes were a fifth of validate's time); batches are still written one after the
 * other, in order.
 */
public final class StoreSink implements ExtractSink, AutoCloseable {

    private static final int BATCH_SIZE = 10_000;

    private final Consumer<Rejection> rejections;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "store-writer");
        t.setDaemon(true);
        return t;
    });
    private StoreBatch filling;
    private StoreBatch spare;
    private Future<?> inFlight;

    public StoreSink(RecordStore store, Consumer<Rejection> rejections) {
        this.filling = store.newBatch();
        this.spare = store.newBatch();
        this.rejections = rejections;
    }

    @Override
    public void put(StateKey key, byte[] storedRecord) {
        filling.put(key, storedRecord);
        writeWhenFull();
    }

    @Override
    public void remove(StateKey key) {
        filling.delete(key);
        writeWhenFull();
    }

    @Override
    public void reject(Rejection rejection) {
        rejections.accept(rejection);
    }

    /** Everything received so far is in the store when this returns. */
    @Override
    public void checkpoint() {
        handOver();
        awaitWrite();
    }

    private void writeWhenFull() {
        if (filling.size() >= BATCH_SIZE) handOver();
    }

    /** The filled batch goes to the writer once the one before it is written; the spare one fills meanwhile. */
    private void handOver() {
        awaitWrite();
        StoreBatch full = filling;
        filling = spare;
        spare = full;
        inFlight = writer.submit(full::write);
    }

    private void awaitWrite() {
        if (inFlight == null) return;
        try {
            inFlight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the store was written", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } finally {
            inFlight = null;
        }
    }

    /** Writes what is left. */
    @Override
    public void close() {
        try {
            checkpoint();
        } finally {
            writer.shutdown();
            filling.close();
            spare.close();
        }
    }
}
