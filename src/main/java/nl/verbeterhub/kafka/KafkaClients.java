package nl.verbeterhub.kafka;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Client settings in one place: durable producers (idempotent, acks=all), committed-only consumers, and
 * the cluster's {@link KafkaSecurity} on every one. The overloads without it are PLAINTEXT (tests).
 */
public final class KafkaClients {

    private KafkaClients() {
    }

    /**
     * How long a send may wait for the broker before it fails (and the extract is retried), and how
     * batches are compressed.
     */
    public record ProducerSettings(Duration delivery, Duration maxBlock, String compression) {

        public static final ProducerSettings DEFAULT = new ProducerSettings(Duration.ofMinutes(2), Duration.ofSeconds(30), "lz4");
    }

    /** Batches with linger and compression: one acknowledged send per record caps a route (design-notes §5). */
    public static Properties producer(String bootstrapServers, ProducerSettings settings) {
        return producer(bootstrapServers, KafkaSecurity.PLAINTEXT, settings);
    }

    public static Properties producer(String bootstrapServers, KafkaSecurity security, ProducerSettings settings) {
        Properties p = security.apply(new Properties());
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, settings.compression());
        p.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 16L << 20);
        int delivery = (int) settings.delivery().toMillis();
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) settings.maxBlock().toMillis());
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, delivery);
        // Kafka wants delivery.timeout.ms >= linger.ms + request.timeout.ms.
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(30_000, delivery / 2));
        return p;
    }

    public static Properties transactionalProducer(String bootstrapServers, ProducerSettings settings, String transactionalId,
                                                   Duration timeout) {
        return transactionalProducer(bootstrapServers, KafkaSecurity.PLAINTEXT, settings, transactionalId, timeout);
    }

    public static Properties transactionalProducer(String bootstrapServers, KafkaSecurity security, ProducerSettings settings,
                                                   String transactionalId, Duration timeout) {
        Properties p = producer(bootstrapServers, security, settings);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) timeout.toMillis());
        p.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, HospitalPartitioner.class.getName());
        return p;
    }

    /** Reads only committed transactions: an aborted extract is never seen. */
    public static Properties consumer(String bootstrapServers) {
        return consumer(bootstrapServers, KafkaSecurity.PLAINTEXT);
    }

    public static Properties consumer(String bootstrapServers, KafkaSecurity security) {
        Properties p = security.apply(new Properties());
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 20_000);
        // A fetch for idle partitions would otherwise be parked 500 ms at the broker, and the busy
        // partition cannot be fetched meanwhile: measured 12 s instead of 1 s for a million records.
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 16 << 20);
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 << 20);
        return p;
    }

    /**
     * A committed-only consumer in the instances' group: cooperative rebalances (only the partitions that
     * move are revoked), a heartbeat every third of the session, and a poll interval that leaves room for a
     * revocation that lets an extract finish. Offsets are never committed: the store keeps its own.
     */
    public static Properties groupConsumer(String bootstrapServers, KafkaSecurity security, String groupId,
                                           Duration sessionTimeout, Duration maxPollInterval) {
        Properties p = consumer(bootstrapServers, security);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeout.toMillis());
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(500, sessionTimeout.toMillis() / 3));
        p.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) maxPollInterval.toMillis());
        return p;
    }

    /** An admin client's properties: topic set-up, health. */
    public static Properties admin(String bootstrapServers, KafkaSecurity security) {
        Properties p = security.apply(new Properties());
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return p;
    }
}
