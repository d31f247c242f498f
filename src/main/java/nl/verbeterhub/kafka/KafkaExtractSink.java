package nl.verbeterhub.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import nl.verbeterhub.extract.ExtractCommit;
import nl.verbeterhub.extract.ExtractCommitJson;
import nl.verbeterhub.extract.ExtractLog;
import nl.verbeterhub.extract.ExtractSink;
import nl.verbeterhub.extract.ExtractSource;
import nl.verbeterhub.extract.Rejection;
import nl.verbeterhub.state.StateKey;
import nl.verbeterhub.theme.Theme;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One extract written in Kafka transactions (design-notes §2). The file was verified as usable before
 * the first row, so its records are committed in parts ({@code hub.kafka.rows-per-transaction}) while
 * it is read — the local store applies each part while the next is being read — and the last part
 * carries the rejections (published just before), a snapshot's tombstones and the commit marker.
 * The first part carries a "begun" marker that the last one removes: while it stands, the hospital's
 * drafts of the extract's themes are not regenerated, so a half extract (left by a crash or an outage
 * until the file is read again) is never published. A replay publishes rejections again under the
 * same keys.
 */
public final class KafkaExtractSink implements ExtractSink, AutoCloseable {

    private final ExtractTransactions.Lease lease;
    private final Producer<String, byte[]> rejectionsProducer;
    private final KafkaEndpoints endpoints;
    private final RejectionSpill spill;
    private final InFlight records = new InFlight();
    private final InFlight rejections = new InFlight();
    private final Map<Integer, Long> lastOffsets = new ConcurrentHashMap<>();
    private final Duration ackTimeout;
    private final ExtractSource source;
    private final Consumer<ExtractLog.OpenExtract> onBegun;
    private Set<Theme> themes;
    private ExtractLog.OpenExtract begun;
    private int partsCommitted;
    private boolean committed;

    KafkaExtractSink(ExtractTransactions.Lease lease, Producer<String, byte[]> rejectionsProducer,
                     KafkaEndpoints endpoints, RejectionSpill spill, ExtractSource source,
                     Consumer<ExtractLog.OpenExtract> onBegun) {
        this.lease = lease;
        this.rejectionsProducer = rejectionsProducer;
        this.endpoints = endpoints;
        this.spill = spill;
        this.source = source;
        this.onBegun = onBegun;
        // A send is answered within the delivery timeout; the margin covers the linger and the I/O thread.
        this.ackTimeout = endpoints.producerSettings().delivery().plusSeconds(10);
        lease.producer().beginTransaction();
    }

    @Override
    public void put(StateKey key, byte[] storedRecord) {
        send(key.toString(), storedRecord);
    }

    @Override
    public void remove(StateKey key) {
        send(key.toString(), null);
    }

    private void send(String key, byte[] value) {
        failIfSendFailed(records);
        Callback callback = records.track(metadata -> lastOffsets.merge(metadata.partition(), metadata.offset(), Math::max));
        lease.producer().send(new ProducerRecord<>(endpoints.topics().records(), key, value), callback);
    }

    @Override
    public void reject(Rejection rejection) {
        spill.add(rejection);
    }

    @Override
    public void started(Set<Theme> themes) {
        this.themes = themes;
    }

    /**
     * Commits the part read so far and begins the next. The first part also carries the "begun" marker,
     * covering every theme the extract may feed (an extract that fits in one part never needs one).
     */
    @Override
    public void checkpoint() {
        if (begun == null) {
            begun = new ExtractLog.OpenExtract(source.agb(), source.connector(), source.sha256(), source.name(),
                    themes, Instant.now());
            onBegun.accept(begun);
            lease.producer().send(new ProducerRecord<>(endpoints.topics().extracts(),
                    ExtractCommitJson.begunKey(source.agb(), source.connector()), ExtractCommitJson.writeBegun(begun)));
        }
        try {
            records.await(ackTimeout);
        } catch (TimeoutException e) {
            throw new KafkaSendException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaSendException(e);
        }
        failIfSendFailed(records);
        lease.producer().commitTransaction();
        partsCommitted++;
        lease.producer().beginTransaction();
    }

    /** Whether part of the extract is durable although it did not finish: its "begun" marker stands. */
    public boolean leftHalfWay() {
        return !committed && partsCommitted > 0;
    }

    /** Publishes the rejections, then commits the records with the marker. */
    public void commit(ExtractCommit marker) throws TimeoutException, InterruptedException {
        KafkaProducer<String, byte[]> producer = lease.producer();
        records.await(ackTimeout);
        failIfSendFailed(records);
        spill.publishAll((key, value) -> rejectionsProducer.send(
                new ProducerRecord<>(endpoints.topics().rejections(), key, value), rejections.track(null)));
        rejections.await(ackTimeout);
        failIfSendFailed(rejections);
        producer.send(new ProducerRecord<>(endpoints.topics().extracts(), ExtractCommitJson.key(marker),
                ExtractCommitJson.write(marker)));
        if (begun != null) {
            producer.send(new ProducerRecord<>(endpoints.topics().extracts(),
                    ExtractCommitJson.begunKey(marker.agb(), marker.connector()), null));
        }
        producer.commitTransaction();
        committed = true;
    }

    /** The last offset written per partition of the record-state topic, to wait for the local store. */
    public Map<Integer, Long> lastRecordOffsets() {
        return Map.copyOf(lastOffsets);
    }

    private static void failIfSendFailed(InFlight sends) {
        Exception e = sends.failure();
        if (e != null) {
            throw new KafkaSendException(e);
        }
    }

    /** Aborts the transaction unless it was committed, and gives the producer back. */
    @Override
    public void close() {
        try {
            spill.close();
        } finally {
            lease.release(committed);
        }
    }

    /** A send that failed asynchronously, surfaced on the extract's thread. */
    public static final class KafkaSendException extends RuntimeException {
        KafkaSendException(Exception cause) {
            super("Kafka send failed: " + cause.getClass().getSimpleName(), cause);
        }
    }
}
