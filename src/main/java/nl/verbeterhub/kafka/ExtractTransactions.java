package nl.verbeterhub.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * One transactional producer per owned partition of the record-state topic, its transactional id named
 * after the partition ({@code <records topic>.owner-<partition>}), not after the instance: whichever
 * instance takes a partition over fences its id, and so aborts at once whatever transaction a previous
 * owner (crashed, or cut off) left open — committed-only readers of that partition are not held back until
 * the transaction times out. Extracts of hospitals in one partition take turns; other partitions run at
 * the same time. A producer that failed is closed and made anew on next use.
 */
public final class ExtractTransactions implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExtractTransactions.class);

    private final KafkaEndpoints endpoints;
    private final Ownership ownership;
    private final Duration transactionTimeout;
    private final Path spillDir;
    private final Map<Integer, Slot> slots = new ConcurrentHashMap<>();
    private final Producer<String, byte[]> rejectionsProducer;

    /** A partition's producer and its turn. */
    private static final class Slot {
        final Semaphore turn = new Semaphore(1);
        volatile KafkaProducer<String, byte[]> producer;
    }

    public ExtractTransactions(KafkaEndpoints endpoints, Ownership ownership, Duration transactionTimeout, Path spillDir) {
        this.endpoints = endpoints;
        this.ownership = ownership;
        this.transactionTimeout = transactionTimeout;
        this.spillDir = spillDir;
        this.rejectionsProducer = new KafkaProducer<>(
                KafkaClients.producer(endpoints.intake(), endpoints.security(), endpoints.producerSettings()),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Whether this instance serves the hospital now. */
    public boolean serves(String agb) {
        return ownership.owns(agb);
    }

    /** The transactional id of a partition: the same on every instance. */
    public static String transactionalId(String recordsTopic, int partition) {
        return recordsTopic + ".owner-" + partition;
    }

    /**
     * Creates the partitions' producers now: {@code initTransactions} fences their ids and aborts what a
     * previous owner left open, before this instance reads the partitions' committed end.
     */
    public void fence(Set<Integer> partitions) {
        for (int p : partitions) {
            Slot slot = slots.computeIfAbsent(p, k -> new Slot());
            if (slot.producer == null) slot.producer = create(p);
        }
    }

    /**
     * Closes the producers of partitions that left this instance (their routes are stopped by then): an
     * extract that still ran would fail rather than write for a hospital served elsewhere.
     */
    public void release(Set<Integer> partitions) {
        for (int p : partitions) {
            Slot slot = slots.remove(p);
            if (slot != null && slot.producer != null) {
                slot.producer.close(Duration.ZERO);
                slot.producer = null;
            }
        }
    }

    /**
     * Starts an extract's transaction; waits while another extract of the same partition is committed.
     *
     * @throws NotOwnedException when another instance serves the hospital
     */
    public KafkaExtractSink begin(ExtractSource source, Consumer<ExtractLog.OpenExtract> onBegun)
            throws InterruptedException, TimeoutException {
        int partition = ownership.partitionOf(source.agb());
        Slot slot = ownership.ownsPartition(partition) ? slots.get(partition) : null;
        if (slot == null) throw new NotOwnedException(source.agb());
        // Waits in slices: the partition may leave meanwhile, and then this extract is its new owner's.
        long deadline = System.nanoTime() + transactionTimeout.toNanos();
        while (!slot.turn.tryAcquire(1, TimeUnit.SECONDS)) {
            if (!ownership.ownsPartition(partition)) throw new NotOwnedException(source.agb());
            if (System.nanoTime() > deadline) {
                // Retriable: the file waits in the inbox until the other extract of the partition is done.
                throw new TimeoutException("the transactional producer of partition " + partition + " did not become free");
            }
        }
        if (!ownership.ownsPartition(partition)) {
            slot.turn.release();
            throw new NotOwnedException(source.agb());
        }
        Lease lease = new Lease(partition, slot);
        try {
            return new KafkaExtractSink(lease, rejectionsProducer, endpoints, new RejectionSpill(spillDir), source, onBegun);
        } catch (RuntimeException e) {
            lease.release(false);
            throw e;
        }
    }

    /** One borrowed producer; released exactly once. */
    final class Lease {
        private final int partition;
        private final Slot slot;
        private KafkaProducer<String, byte[]> producer;

        Lease(int partition, Slot slot) {
            this.partition = partition;
            this.slot = slot;
        }

        KafkaProducer<String, byte[]> producer() {
            if (producer == null) {
                producer = slot.producer;
                if (producer == null) {
                    if (!ownership.ownsPartition(partition)) throw new NotOwnedException("partition " + partition);
                    producer = create(partition);
                    slot.producer = producer;
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
                        if (slot.producer == producer) slot.producer = null;
                    }
                }
            } finally {
                slot.turn.release();
            }
        }
    }

    private KafkaProducer<String, byte[]> create(int partition) {
        KafkaProducer<String, byte[]> p = new KafkaProducer<>(
                KafkaClients.transactionalProducer(endpoints.internal(), endpoints.security(), endpoints.producerSettings(),
                        transactionalId(endpoints.topics().records(), partition), transactionTimeout),
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
        for (Slot slot : slots.values()) {
            if (slot.producer != null) slot.producer.close(Duration.ofSeconds(5));
        }
        rejectionsProducer.close(Duration.ofSeconds(5));
    }
}
