package nl.verbeterhub.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import nl.verbeterhub.extract.ExtractCommitJson;
import nl.verbeterhub.extract.ExtractLog;
import nl.verbeterhub.state.RecordStore;
import nl.verbeterhub.state.StoreBatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the local store and the extract log equal to the committed content of the hub's internal
 * topics: applies the record-state topic to the store (offsets written in the same atomic batch) and
 * the extracts topic to the log. At start-up it catches up to the end offsets before anything is
 * computed or published (design-notes §2); afterwards it follows the topics on its own thread.
 */
public final class StateApplier implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StateApplier.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final RecordStore store;
    private final ExtractLog log;
    private final String recordsTopic;
    private final String extractsTopic;
    private final Map<Integer, Long> applied = new HashMap<>();
    private final Object progress = new Object();
    private volatile Thread thread;
    private volatile boolean running;
    private volatile String lastError;

    public StateApplier(KafkaEndpoints endpoints, RecordStore store, ExtractLog log) {
        this.consumer = new KafkaConsumer<>(KafkaClients.consumer(endpoints.internal(), endpoints.security()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.store = store;
        this.log = log;
        this.recordsTopic = endpoints.topics().records();
        this.extractsTopic = endpoints.topics().extracts();
    }

    /** Catches up with both topics, then follows them in the background. */
    public void restoreAndFollow(Duration timeout) throws TimeoutException {
        List<TopicPartition> records = partitions(recordsTopic);
        List<TopicPartition> extracts = partitions(extractsTopic);
        List<TopicPartition> all = new ArrayList<>(records);
        all.addAll(extracts);
        consumer.assign(all);
        consumer.seekToBeginning(extracts);
        Map<TopicPartition, Long> beginning = consumer.beginningOffsets(records);
        Map<TopicPartition, Long> end = consumer.endOffsets(all);
        for (TopicPartition tp : records) {
            long next = store.nextOffset(recordsTopic, tp.partition());
            if (next < 0) {
                next = beginning.get(tp); // nothing applied yet
            } else if (next < beginning.get(tp) || next > end.get(tp)) {
                // The store belongs to another topic or cluster (a wiped broker log): start it over.
                LOG.warn("Local record store does not match {}; rebuilding it from the topic", tp);
                store.clear();
                consumer.seekToBeginning(records);
                break;
            }
            consumer.seek(tp, next);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (all.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("record state not restored within " + timeout);
            }
            apply(consumer.poll(Duration.ofMillis(200)));
        }
        LOG.info("Record state restored up to the end of {} and {}", recordsTopic, extractsTopic);
        running = true;
        thread = new Thread(this::follow, "state-applier");
        thread.setDaemon(true);
        thread.start();
    }

    private List<TopicPartition> partitions(String topic) {
        return consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private void follow() {
        while (running) {
            try {
                apply(consumer.poll(Duration.ofMillis(200)));
                lastError = null;
            } catch (WakeupException e) {
                if (!running) return;
            } catch (RuntimeException e) {
                // A failing store must not be skipped past: report, wait, try the same records again.
                lastError = e.getClass().getSimpleName();
                // The class only: a parser's message would quote what it read.
                LOG.error("Applying the record state failed ({}); retrying", lastError);
                rewindToApplied();
                pause();
            }
        }
    }

    private void apply(ConsumerRecords<byte[], byte[]> batch) {
        // The consumer's positions cover the records just read and any transaction markers after them.
        Map<Integer, Long> next = new HashMap<>();
        for (TopicPartition tp : consumer.assignment()) {
            if (tp.topic().equals(recordsTopic)) next.put(tp.partition(), consumer.position(tp));
        }
        if (!batch.isEmpty()) {
            try (StoreBatch write = store.newBatch()) {
                for (ConsumerRecord<byte[], byte[]> r : batch) {
                    if (r.topic().equals(recordsTopic)) {
                        write.apply(r.key(), r.value());
                    } else {
                        applyExtractMarker(new String(r.key(), StandardCharsets.UTF_8), r.value());
                    }
                }
                next.forEach((partition, offset) -> write.setNextOffset(recordsTopic, partition, offset));
                long started = System.nanoTime();
                write.write();
                LOG.debug("applied {} record(s) in {} ms", batch.count(), (System.nanoTime() - started) / 1_000_000);
            }
        }
        synchronized (progress) {
            next.forEach((p, o) -> applied.merge(p, o, Math::max));
            progress.notifyAll();
        }
    }

    /** A commit marker, or a "begun" marker (a tombstone when its extract finished). */
    private void applyExtractMarker(String key, byte[] value) {
        try {
            if (ExtractCommitJson.isBegunKey(key)) {
                if (value == null) {
                    log.finished(ExtractCommitJson.connectorOfBegunKey(key));
                } else {
                    log.begun(ExtractCommitJson.readBegun(value));
                }
            } else if (value != null) {
                log.add(ExtractCommitJson.read(value));
            }
        } catch (IOException e) {
            throw new IllegalStateException("unreadable extract marker", e);
        }
    }

    private void rewindToApplied() {
        for (TopicPartition tp : consumer.assignment()) {
            if (tp.topic().equals(recordsTopic)) {
                long next = store.nextOffset(recordsTopic, tp.partition());
                if (next >= 0) consumer.seek(tp, next);
            }
        }
    }

    private void pause() {
        synchronized (progress) {
            try {
                progress.wait(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    /**
     * Waits until the store holds every record up to these offsets of the record-state topic.
     *
     * @param lastOffsets partition → the last offset written there
     */
    public void awaitApplied(Map<Integer, Long> lastOffsets, Duration timeout) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (!lastOffsets.entrySet().stream().allMatch(e -> applied.getOrDefault(e.getKey(), -1L) > e.getValue())) {
                long wait = (deadline - System.nanoTime()) / 1_000_000;
                if (wait <= 0) throw new TimeoutException("record state not applied within " + timeout);
                progress.wait(wait);
            }
        }
    }

    /** Null while healthy, else the kind of the last failure. */
    public String lastError() {
        return lastError;
    }

    public boolean following() {
        return running && thread != null && thread.isAlive();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        consumer.close(Duration.ofSeconds(5));
    }
}
