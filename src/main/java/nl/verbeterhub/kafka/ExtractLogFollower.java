package nl.verbeterhub.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import nl.verbeterhub.extract.ExtractCommitJson;
import nl.verbeterhub.extract.ExtractLog;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the extract log equal to the committed extracts topic, all of it: every instance knows every
 * commit marker (small: one per extract), whoever owns the hospital. The state applier waits here for a
 * partition's markers before it lets a newly owned partition count as restored.
 */
public final class ExtractLogFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExtractLogFollower.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final ExtractLog log;
    private final String topic;
    private final Map<Integer, Long> positions = new ConcurrentHashMap<>();
    private volatile Thread thread;
    private volatile boolean running;
    private volatile String lastError;

    public ExtractLogFollower(KafkaEndpoints endpoints, ExtractLog log) {
        this.consumer = new KafkaConsumer<>(KafkaClients.consumer(endpoints.internal(), endpoints.security()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.log = log;
        this.topic = endpoints.topics().extracts();
    }

    /** Reads the whole topic up to its end, then follows it in the background. */
    public void restoreAndFollow(Duration timeout) throws TimeoutException {
        List<TopicPartition> partitions = TopicPartitions.of(consumer, topic, Duration.ofSeconds(30));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
            if (System.nanoTime() > deadline) throw new TimeoutException("extract log not restored within " + timeout);
            pollOnce();
        }
        running = true;
        thread = new Thread(this::follow, "extract-log");
        thread.setDaemon(true);
        thread.start();
    }

    private void follow() {
        while (running) {
            try {
                pollOnce();
                lastError = null;
            } catch (WakeupException e) {
                if (!running) return;
            } catch (RuntimeException e) {
                lastError = e.getClass().getSimpleName();
                LOG.error("Following the extracts topic failed ({}); retrying", lastError);
                synchronized (this) {
                    try {
                        wait(1000);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    private void pollOnce() {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
            apply(new String(r.key(), StandardCharsets.UTF_8), r.value());
        }
        // Positions after the poll also cover transaction markers: what a caught-up check compares with.
        for (TopicPartition tp : consumer.assignment()) positions.put(tp.partition(), consumer.position(tp));
    }

    /** A commit marker, or a "begun" marker (a tombstone when its extract finished). */
    private void apply(String key, byte[] value) {
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

    /** Whether every marker before this offset of the partition is in the log. */
    public boolean reached(int partition, long offset) {
        return positions.getOrDefault(partition, -1L) >= offset;
    }

    public String topic() {
        return topic;
    }

    String lastError() {
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
