package nl.verbeterhub.kafka;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Partitions given to this instance and not owned yet: each is fenced first (what a previous owner left
 * open is aborted), then read up to where its committed state ended after the fence — records and extract
 * markers both. Used on the state applier's thread; {@link #restoring} is also asked by extracts waiting
 * for their state.
 */
final class PartitionRestores {

    private record Target(long records, long markers) {
    }

    private final String recordsTopic;
    private final ExtractLogFollower markers;
    private final Set<Integer> toFence = new java.util.concurrent.ConcurrentSkipListSet<>();
    private final Map<Integer, Target> restoring = new ConcurrentHashMap<>();

    PartitionRestores(String recordsTopic, ExtractLogFollower markers) {
        this.recordsTopic = recordsTopic;
        this.markers = markers;
    }

    void assigned(Set<Integer> partitions) {
        toFence.addAll(partitions);
    }

    void removed(Set<Integer> partitions) {
        toFence.removeAll(partitions);
        restoring.keySet().removeAll(partitions);
    }

    boolean restoring(int partition) {
        return restoring.containsKey(partition);
    }

    /** Which partitions wait for their fence and which are being read, for a health message. */
    String describe() {
        return "(to fence: " + new TreeSet<>(toFence) + ", restoring: " + new TreeSet<>(restoring.keySet()) + ")";
    }

    boolean idle() {
        return toFence.isEmpty() && restoring.isEmpty();
    }

    /** Fences the partitions waiting for it, then notes their committed ends; a failed fence is tried again later. */
    void fencePending(Consumer<?, ?> consumer, OwnershipChanges changes) {
        if (toFence.isEmpty()) return;
        Set<Integer> fencing = new TreeSet<>(toFence);
        changes.fence(fencing);
        // Fenced: nothing is open any more, so the committed end is where the state is complete.
        List<TopicPartition> records = fencing.stream().map(p -> new TopicPartition(recordsTopic, p)).toList();
        List<TopicPartition> extracts = fencing.stream().map(p -> new TopicPartition(markers.topic(), p)).toList();
        Map<TopicPartition, Long> recordsEnd = consumer.endOffsets(records);
        Map<TopicPartition, Long> markersEnd = consumer.endOffsets(extracts);
        for (int p : fencing) {
            restoring.put(p, new Target(recordsEnd.get(new TopicPartition(recordsTopic, p)),
                    markersEnd.get(new TopicPartition(markers.topic(), p))));
        }
        toFence.removeAll(fencing);
    }

    /** The partitions whose records and markers the consumer and the log have read to their ends: no longer restoring. */
    Set<Integer> finished(Consumer<?, ?> consumer) {
        Set<Integer> done = new TreeSet<>();
        for (Map.Entry<Integer, Target> e : restoring.entrySet()) {
            int p = e.getKey();
            if (consumer.position(new TopicPartition(recordsTopic, p)) >= e.getValue().records()
                    && markers.reached(p, e.getValue().markers())) {
                done.add(p);
            }
        }
        restoring.keySet().removeAll(done);
        return done;
    }
}
