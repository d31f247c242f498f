package nl.verbeterhub.kafka;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import nl.verbeterhub.state.RecordStore;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Where the record-state consumer reads a partition from: the offset the local store applied last, or the
 * partition's beginning when it applied nothing yet.
 */
final class StoredPositions {

    private final RecordStore store;
    private final String recordsTopic;

    StoredPositions(RecordStore store, String recordsTopic) {
        this.store = store;
        this.recordsTopic = recordsTopic;
    }

    /**
     * Seeks each partition to where the store stands.
     *
     * @return false when the store's offsets do not fit the topic (a wiped broker log, another cluster):
     *         then nothing is trusted and the store must start over
     */
    boolean seek(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        for (TopicPartition tp : partitions) {
            long next = store.nextOffset(recordsTopic, tp.partition());
            if (next >= 0 && (next < beginning.get(tp) || next > end.get(tp))) return false;
            consumer.seek(tp, next < 0 ? beginning.get(tp) : next);
        }
        return true;
    }

    /** After a failed batch: back to what the store holds, never past what failed. */
    void rewind(Consumer<?, ?> consumer) {
        for (TopicPartition tp : consumer.assignment()) {
            long next = store.nextOffset(recordsTopic, tp.partition());
            if (next >= 0) {
                consumer.seek(tp, next);
            } else {
                consumer.seekToBeginning(List.of(tp));
            }
        }
    }
}
