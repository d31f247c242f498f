package nl.verbeterhub.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import nl.verbeterhub.extract.ExtractLog;
import nl.verbeterhub.extract.ExtractSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small pool of transactional producers, one per extract being committed at the same time. Each slot
 * has a fixed transactional id, so that after a crash the restarted hub fences and aborts whatever
 * transaction its predecessor left open. A producer that failed is closed and made anew on next use.
 */
public final class ExtractTransactions implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExtractTransactions.class);

    private final KafkaEndpoints endpoints;
    private final String transactionalIdPrefix;
    private final Duration transactionTimeout;
    private final Path spillDir;
    private final KafkaProducer<?, ?>[] producers;
    private final BlockingQueue<Integer> freeSlots;
    private final Producer<String, byte[]> rejectionsProducer;

    public ExtractTransactions(KafkaEndpoints endpoints, String transactionalIdPrefix, int size,
                               Duration transactionTimeout, Path spillDir) {
        this.endpoints = endpoints;
        this.transactionalIdPrefix = transactionalIdPrefix;
        this.transactionTimeout = transactionTimeout;
        this.spillDir = spillDir;
        this.producers = new KafkaProducer<?, ?>[size];
        this.freeSlots = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) freeSlots.add(i);
        this.rejectionsProducer = new KafkaProducer<>(
                KafkaClients.producer(endpoints.intake(), endpoints.security(), endpoints.producerSettings()),
                new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Creates every producer now: {@code initTransactions} fences and aborts any transaction a crashed
     * predecessor left open, so that committed-only readers are not held back by it.
     */
    public void initAll() {
        for (int i = 0; i < producers.length; i++) {
            if (producers[i] == null) producers[i] = create(i);
        }
    }

    /** Starts an extract's transaction; waits while every producer is busy with another extract. */
    public KafkaExtractSink begin(ExtractSource source, Consumer<ExtractLog.OpenExtract> onBegun)
            throws InterruptedException {
        Integer slot = freeSlots.poll(transactionTimeout.toMillis(), TimeUnit.MILLISECONDS);
        if (slot == null) {
            throw new IllegalStateException("no transactional producer became free");
        }
        Lease lease = new Lease(slot);
        try {
            return new KafkaExtractSink(lease, rejectionsProducer, endpoints, new RejectionSpill(spillDir), source, onBegun);
        } catch (RuntimeException e) {
            lease.release(false);
            throw e;
        }
    }

    /** One borrowed producer; released exactly once. */
    final class Lease {
        private final int slot;
        private KafkaProducer<String, byte[]> producer;

        Lease(int slot) {
            this.slot = slot;
        }

        @SuppressWarnings("unchecked")
        KafkaProducer<String, byte[]> producer() {
            if (producer == null) {
                producer = (KafkaProducer<String, byte[]>) producers[slot];
                if (producer == null) {
                    producer = create(slot);
                    producers[slot] = producer;
                }
            }
            return producer;
        }

        /**
         * Gives the producer back; unless the transaction was committed it is aborted first, and a
         * producer that cannot abort is closed so that the next extract gets a fresh one.
         */
        void release(boolean committed) {
            try {
                if (!committed && producer != null) {
                    try {
                        producer.abortTransaction();
                    } catch (RuntimeException e) {
                        LOG.warn("Closing a transactional producer that could not abort: {}", e.getClass().getSimpleName());
                        producer.close(Duration.ZERO);
                        producers[slot] = null;
                    }
                }
            } finally {
                freeSlots.add(slot);
            }
        }
    }

    private KafkaProducer<String, byte[]> create(int slot) {
        KafkaProducer<String, byte[]> p = new KafkaProducer<>(
                KafkaClients.transactionalProducer(endpoints.internal(), endpoints.security(), endpoints.producerSettings(),
                        transactionalIdPrefix + "-" + slot, transactionTimeout),
                new StringSerializer(), new ByteArraySerializer());
        try {
            p.initTransactions();
            return p;
        } catch (RuntimeException e) {
            p.close(Duration.ZERO);
            throw e;
        }
    }

    @Override
    public void close() {
        for (KafkaProducer<?, ?> p : producers) {
            if (p != null) p.close(Duration.ofSeconds(5));
        }
        rejectionsProducer.close(Duration.ofSeconds(5));
    }
}
