package nl.verbeterhub.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import nl.verbeterhub.support.TestKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * A broker that does not know a topic yet answers with no partitions. CI once saw the extract-log follower
 * take that answer, assign nothing, and leave three restores waiting for markers it never read.
 */
class TopicPartitionsTests {

    private static KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(KafkaClients.consumer(TestKafka.bootstrapServers(), KafkaSecurity.PLAINTEXT),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @Test
    void aTopicThatAppearsWhileAskingIsFoundWithAllItsPartitions() throws Exception {
        String topic = "appearing-" + UUID.randomUUID();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            assertThat(consumer.partitionsFor(topic, Duration.ofSeconds(5))).as("what the client says first").isEmpty();
            CompletableFuture<List<TopicPartition>> asked = CompletableFuture.supplyAsync(
                    () -> TopicPartitions.of(consumer, topic, Duration.ofSeconds(30)));
            Properties p = new Properties();
            p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
            try (Admin admin = Admin.create(p)) {
                admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
            }
            assertThat(asked.get()).containsExactlyInAnyOrder(new TopicPartition(topic, 0), new TopicPartition(topic, 1),
                    new TopicPartition(topic, 2));
        }
    }

    @Test
    void aTopicThatNeverAppearsFailsNamingIt() {
        String topic = "absent-" + UUID.randomUUID();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            assertThatThrownBy(() -> TopicPartitions.of(consumer, topic, Duration.ofSeconds(2)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining(topic);
        }
    }
}
