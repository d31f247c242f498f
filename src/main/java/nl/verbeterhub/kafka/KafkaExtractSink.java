package nl.verbeterhub.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import nl.verbeterhub.extract.ExtractCommit;
import nl.verbeterhub.extract.ExtractCommitJson;
import nl.verbeterhub.extract.ExtractSink;
import nl.verbeterhub.extract.Rejection;
import nl.verbeterhub.state.StateKey;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One extract as one Kafka transaction (design-notes §2): its records (and a snapshot's removals as
 * tombstones) and finally its commit marker are committed together or not at all, so the record state
 * never holds half an extract — not after an unusable file, a crash or a broker outage. Rejections are
 * published just before the commit; a replay publishes them again under the same keys.
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
    private boolean committed;

    KafkaExtractSink(ExtractTransactions.Lease lease, Producer<String, byte[]> rejectionsProducer,
                     KafkaEndpoints endpoints, RejectionSpill spill) {
        this.lease = lease;
        this.rejectionsProducer = rejectionsProducer;
        this.endpoints = endpoints;
        this.spill = spill;
        // A send is answered within the delivery timeout; the margin covers the linger and the I/O thread.
        this.ackTimeout = endpoints.timeouts().delivery().plusSeconds(10);
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
