package nl.verbeterhub.kafka;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The partitions of a topic the hub created or checked at start. A broker whose metadata lags behind the
 * controller answers "no such topic", which the client reports as an empty list; taken at its word, a
 * reader would assign nothing and wait for ever (or think a topic empty). So an empty answer is asked again.
 */
public final class TopicPartitions {

    private static final Duration RETRY = Duration.ofMillis(250);

    private TopicPartitions() {
    }

    /** @throws IllegalStateException when the brokers still know no partition of the topic after the timeout */
    public static List<TopicPartition> of(Consumer<?, ?> consumer, String topic, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (!partitions.isEmpty()) return partitions;
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("the brokers know no partition of topic " + topic + " after " + timeout);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(RETRY.toMillis()); // a retry's back-off, as FhirHttp's
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while asking for the partitions of " + topic, e);
            }
        }
    }
}
