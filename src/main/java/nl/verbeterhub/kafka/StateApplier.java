package nl.verbeterhub.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.verbeterhub.state.RecordStore;
import nl.verbeterhub.state.StoreBatch;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the local store equal to the committed content of the record-state partitions this instance
 * owns. The instances that share a record-state topic form one consumer group, and the group divides the
 * partitions — whole hospitals — among them (design-notes §3). A partition given to this instance is
 * first fenced (what a previous owner left open is aborted), then restored up to its end, its markers
 * included, and only then owned: connectors start and drafts are computed after that, never before
 * (design-notes §2). A partition taken away stops being owned before anything else happens.
 */
public final class StateApplier implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StateApplier.class);
    private static final Duration FENCE_RETRY = Duration.ofSeconds(2);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final RecordStore store;
    private final ExtractLogFollower markers;
    private final Ownership ownership;
    private final String recordsTopic;
    private volatile OwnershipChanges handover = OwnershipChanges.NONE;
    private final AppliedOffsets applied = new AppliedOffsets();
    private final PartitionRestores restores;
    private final StoredPositions positions;
    /** Assigned partitions whose start could not be sought yet (applier thread only). */
    private final Set<TopicPartition> toSeek = new HashSet<>();
    private final CountDownLatch firstAssignmentRestored = new CountDownLatch(1);
    private volatile boolean assignedOnce;
    private volatile boolean closing;
    private volatile Thread thread;
    private volatile boolean running;
    private volatile String lastError;

    /**
     * @param groupId the consumer group of every instance on this record-state topic
     * @param sessionTimeout how long a silent instance keeps its hospitals before the others take them over
     * @param handoverTimeout how long a revocation may take (an extract finishing): the poll interval allows it
     */
    public StateApplier(KafkaEndpoints endpoints, RecordStore store, ExtractLogFollower markers, Ownership ownership,
                        String groupId, Duration sessionTimeout, Duration handoverTimeout) {
        Properties p = KafkaClients.groupConsumer(endpoints.internal(), endpoints.security(), groupId, sessionTimeout,
                handoverTimeout.plusMinutes(2));
        this.consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.store = store;
        this.markers = markers;
        this.ownership = ownership;
        this.recordsTopic = endpoints.topics().records();
        this.restores = new PartitionRestores(recordsTopic, markers);
        this.positions = new StoredPositions(store, recordsTopic);
    }

    /** Set before {@link #start}: what an ownership change sets in motion. */
    public void handOverTo(OwnershipChanges handover) {
        this.handover = handover;
    }

    /** Joins the group and follows the partitions it gives, on the applier's own thread. */
    public void start() {
        running = true;
        thread = new Thread(this::follow, "state-applier");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits until the group gave this instance its first partitions (maybe none) and they are restored. */
    public void awaitFirstAssignment(Duration timeout) throws TimeoutException, InterruptedException {
        if (!firstAssignmentRestored.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new TimeoutException("record state not restored within " + timeout);
        }
    }

    /** Where the first assignment stands, for start-up's health message. */
    public String firstAssignmentProgress() {
        if (!assignedOnce) return "waiting for the group's assignment";
        return restores.idle() ? "restored" : "fencing and restoring " + restores.describe();
    }

    private void follow() {
        consumer.subscribe(List.of(recordsTopic), new Rebalance());
        try {
            followSubscription();
        } finally {
            // Leaving the group lets the others take the hospitals over at once, not after the session timeout.
            closing = true;
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void followSubscription() {
        while (running) {
            try {
                if (!toSeek.isEmpty()) {
                    seekToStored(new ArrayList<>(toSeek));
                    toSeek.clear();
                }
                apply(consumer.poll(Duration.ofMillis(200)));
                boolean fenced = fencePending();
                finishRestores();
                if (fenced) lastError = null; // a failed fence stays visible to health and start-up until one succeeds
            } catch (WakeupException e) {
                if (!running) return;
            } catch (RuntimeException e) {
                if (!running) return;
                // A failing store must not be skipped past: report, wait, try the same records again.
                lastError = e.getClass().getSimpleName();
                // The class only: a parser's message would quote what it read.
                LOG.error("Applying the record state failed ({}); retrying", lastError);
                positions.rewind(consumer);
                pause(1000);
            }
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            assignedOnce = true;
            if (partitions.isEmpty()) return;
            Set<Integer> added = ids(partitions);
            LOG.info("Partitions {} of {} assigned to this instance; restoring them", added, recordsTopic);
            restores.assigned(added);
            try {
                seekToStored(partitions);
            } catch (RuntimeException e) {
                // The brokers did not answer: seek in the loop, before the next poll reads from these.
                toSeek.addAll(partitions);
                lastError = e.getClass().getSimpleName();
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            leave(ids(partitions));
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            LOG.warn("This instance lost partitions {} (its session expired); another instance serves them", ids(partitions));
            leave(ids(partitions));
        }
    }

    private void leave(Set<Integer> partitions) {
        if (partitions.isEmpty()) return;
        LOG.info("Partitions {} of {} leave this instance; handing them over", partitions, recordsTopic);
        restores.removed(partitions);
        toSeek.removeIf(tp -> partitions.contains(tp.partition()));
        ownership.revoke(partitions);
        applied.wakeAll(); // extracts waiting for these partitions give up now
        if (closing) return; // the hub shuts down: its routes and producers close on their own
        handover.revoked(partitions);
        LOG.info("Partitions {} of {} handed over", partitions, recordsTopic);
    }

    private void seekToStored(Collection<TopicPartition> partitions) {
        if (!positions.seek(consumer, partitions)) {
            LOG.warn("Local record store does not match {}; rebuilding it from the topic", recordsTopic);
            startOver();
        }
    }

    /** Clears the store and restores every assigned partition anew; owned ones stop being owned meanwhile. */
    private void startOver() {
        Set<Integer> owned = ownership.owned();
        if (!owned.isEmpty()) leave(owned);
        store.clear();
        applied.clear();
        consumer.seekToBeginning(consumer.assignment());
        restores.assigned(ids(consumer.assignment()));
    }

    /** Whether every partition waiting for its fence has it now. */
    private boolean fencePending() {
        try {
            restores.fencePending(consumer, handover);
            return true;
        } catch (RuntimeException e) {
            lastError = "fencing: " + e.getClass().getSimpleName();
            LOG.warn("Fencing newly assigned partitions failed ({}); retrying", lastError);
            pause(FENCE_RETRY.toMillis());
            return false;
        }
    }

    private void finishRestores() {
        Set<Integer> done = restores.finished(consumer);
        if (!done.isEmpty()) {
            ownership.acquired(done);
            LOG.info("Partitions {} of {} restored: this instance serves their hospitals now", done, recordsTopic);
            handover.acquired(done);
        }
        if (assignedOnce && restores.idle()) firstAssignmentRestored.countDown();
    }

    private void apply(ConsumerRecords<byte[], byte[]> batch) {
        // The consumer's positions cover the records just read and any transaction markers after them.
        Map<Integer, Long> next = new HashMap<>();
        for (TopicPartition tp : consumer.assignment()) next.put(tp.partition(), consumer.position(tp));
        if (!batch.isEmpty()) {
            try (StoreBatch write = store.newBatch()) {
                for (ConsumerRecord<byte[], byte[]> r : batch) write.apply(r.key(), r.value());
                next.forEach((partition, offset) -> write.setNextOffset(recordsTopic, partition, offset));
                long started = System.nanoTime();
                write.write();
                LOG.debug("applied {} record(s) in {} ms", batch.count(), (System.nanoTime() - started) / 1_000_000);
            }
        }
        applied.advanced(next);
    }

    private void pause(long millis) {
        if (!applied.pause(millis)) running = false;
    }

    /**
     * Waits until the store holds every record up to these offsets of the record-state topic.
     *
     * @param lastOffsets partition → the last offset written there
     * @throws NotOwnedException when one of the partitions left this instance meanwhile: its new owner
     *                           regenerates what this wait was for
     */
    public void awaitApplied(Map<Integer, Long> lastOffsets, Duration timeout) throws TimeoutException, InterruptedException {
        applied.await(lastOffsets, timeout, p -> ownership.ownsPartition(p) || restores.restoring(p));
    }

    /** Null while healthy, else the kind of the last failure (of the records or of the extract markers). */
    public String lastError() {
        return lastError != null ? lastError : markers.lastError();
    }

    public boolean following() {
        return running && thread != null && thread.isAlive() && markers.following();
    }

    private static Set<Integer> ids(Collection<TopicPartition> partitions) {
        Set<Integer> ids = new TreeSet<>();
        partitions.forEach(tp -> ids.add(tp.partition()));
        return ids;
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
        if (thread == null) consumer.close(Duration.ofSeconds(5));
    }
}
