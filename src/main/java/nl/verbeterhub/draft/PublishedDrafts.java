package nl.verbeterhub.draft;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import nl.verbeterhub.kafka.KafkaClients;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The content hash of the last value published per draft key, read back from the drafts topic at
 * start-up, so that a value is published only when its content changed — across restarts too.
 */
public final class PublishedDrafts {

    private final Map<String, String> hashes = new ConcurrentHashMap<>();

    /** Reads the drafts topic from its beginning to its end. */
    public void load(String bootstrapServers, String topic) throws IOException {
        hashes.clear();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(KafkaClients.consumer(bootstrapServers),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() == null) {
                        hashes.remove(r.key());
                    } else {
                        hashes.put(r.key(), DraftJson.MAPPER.readTree(r.value()).path("contentHash").asText());
                    }
                }
            }
        }
    }

    public String hash(String key) {
        return hashes.get(key);
    }

    public void published(String key, String contentHash) {
        hashes.put(key, contentHash);
    }

    public void tombstoned(String key) {
        hashes.remove(key);
    }

    /** Keys with a live value that start with {@code prefix} ({@code agb:theme:}). */
    public Set<String> keysStartingWith(String prefix) {
        return hashes.keySet().stream().filter(k -> k.startsWith(prefix)).collect(Collectors.toSet());
    }

    public Set<String> keys() {
        return Set.copyOf(hashes.keySet());
    }
}
