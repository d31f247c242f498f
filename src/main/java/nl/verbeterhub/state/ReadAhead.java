package nl.verbeterhub.state;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.rocksdb.RocksDBException;

/**
 * Reads values on a thread of its own a few batches ahead of the one that visits them: reading RocksDB
 * and computing indicators each took about half of a draft pass (docs/benchmarks.md). The reader ends
 * every pass with a last batch, carrying its failure if it had one, unless the visitor gave up first.
 */
final class ReadAhead implements AutoCloseable {

    private static final int BATCH = 4_096;
    private static final int BATCHES_AHEAD = 4;

    /** Something that hands every value to a sink, in order, on the calling thread. */
    @FunctionalInterface
    interface Source {
        void readInto(Consumer<byte[]> sink);
    }

    private record Batch(byte[][] values, Throwable failure, boolean last) {
    }

    /** Daemons, so a forgotten store never holds the JVM. */
    private final ExecutorService readers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "store-reader");
        t.setDaemon(true);
        return t;
    });

    /** Hands every value of {@code source} to {@code visitor} on the calling thread, in order. */
    void forEach(Source source, Consumer<byte[]> visitor) {
        BlockingQueue<Batch> batches = new ArrayBlockingQueue<>(BATCHES_AHEAD);
        Future<?> reader = readers.submit(() -> read(source, batches));
        boolean finished = false;
        try {
            for (Batch batch = take(batches); ; batch = take(batches)) {
                if (batch.failure() instanceof RuntimeException failed) throw failed;
                if (batch.failure() instanceof Error failed) throw failed;
                for (byte[] value : batch.values()) visitor.accept(value);
                if (batch.last()) break;
            }
            finished = true;
        } finally {
            if (!finished) reader.cancel(true);
        }
    }

    private static void read(Source source, BlockingQueue<Batch> batches) {
        byte[][] batch = new byte[BATCH][];
        int[] filled = {0};
        Batch last;
        try {
            source.readInto(value -> {
                batch[filled[0]++] = value;
                if (filled[0] == BATCH) {
                    put(batches, new Batch(batch.clone(), null, false));
                    filled[0] = 0;
                }
            });
            last = new Batch(Arrays.copyOf(batch, filled[0]), null, true);
        } catch (VisitorGone e) {
            return;
        } catch (RuntimeException | Error e) {
            // Handed over, so the visitor never waits for a last batch that will not come.
            last = new Batch(new byte[0][], e, true);
        }
        try {
            put(batches, last);
        } catch (VisitorGone e) {
            // nobody waits for it
        }
    }

    private static void put(BlockingQueue<Batch> batches, Batch batch) {
        try {
            batches.put(batch);
        } catch (InterruptedException e) {
            throw new VisitorGone();
        }
    }

    private static Batch take(BlockingQueue<Batch> batches) {
        try {
            return batches.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateStoreException(new RocksDBException("interrupted while reading records"));
        }
    }

    /** The visitor failed and cancelled the reader while it waited to hand over a batch. */
    private static final class VisitorGone extends RuntimeException {
        VisitorGone() {
            super(null, null, false, false);
        }
    }

    /** Waits for a reader still inside an iterator: it must leave it before the database goes. */
    @Override
    public void close() {
        readers.shutdownNow();
        try {
            readers.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
