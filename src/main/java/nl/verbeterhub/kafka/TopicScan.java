package nl.verbeterhub.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a whole topic once, from its beginning to the end it has now (committed data only). */
public final class TopicScan {

    private TopicScan() {
    }

    /** A PLAINTEXT cluster (tests). */
    public static void fromBeginningToEnd(String bootstrapServers, String topic,
                                          Consumer<ConsumerRecord<String, byte[]>> visitor) {
        fromBeginningToEnd(bootstrapServers, KafkaSecurity.PLAINTEXT, topic, visitor);
    }

    public static void fromBeginningToEnd(String bootstrapServers, KafkaSecurity security, String topic,
                                          Consumer<ConsumerRecord<String, byte[]>> visitor) {
        Properties p = KafkaClients.consumer(bootstrapServers, security);
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = TopicPartitions.of(consumer, topic, Duration.ofSeconds(30));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(visitor);
            }
        }
    }
}
