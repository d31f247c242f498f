package nl.verbeterhub.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import nl.verbeterhub.config.HubProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the hub's topics when they do not exist — drafts and internal state compacted (a delete
 * policy would silently lose state), rejections kept for a time — and checks those that do
 * ({@link TopicCheck}): a mismatch stops the hub rather than let it run on them.
 */
public final class TopicSetup {

    private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);
    /** Compacted topics roll a segment a day, so that compaction can act on them at all. */
    private static final String DAY_MS = String.valueOf(24L * 3600 * 1000);
    private static final Duration KNOWN_WITHIN = Duration.ofSeconds(10);
    /** A hundred years: a removal stays readable as long as the state it removes from may be replayed. */
    static final String KEEP_TOMBSTONES_MS = String.valueOf(100L * 365 * 24 * 3600 * 1000);

    private TopicSetup() {
    }

    public static void ensure(KafkaEndpoints endpoints) {
        HubProperties.Topics t = endpoints.topics();
        Map<String, String> compacted = new HashMap<>(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_COMPACT, TopicConfig.SEGMENT_MS_CONFIG, DAY_MS));
        Map<String, String> timed = new HashMap<>(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, String.valueOf(t.rejectionsRetention().toMillis())));
        if (t.minInsyncReplicas() > 0) {
            compacted.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(t.minInsyncReplicas()));
            timed.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(t.minInsyncReplicas()));
        }
        // Record tombstones are kept: a store that catches up from an old offset (a partition that comes back
        // to an instance, an instance restarted after days) must still see what was removed meanwhile.
        Map<String, String> records = new HashMap<>(compacted);
        records.put(TopicConfig.DELETE_RETENTION_MS_CONFIG, KEEP_TOMBSTONES_MS);
        create(endpoints.intake(), endpoints.security(), List.of(topic(t.drafts(), t, compacted), topic(t.rejections(), t, timed)));
        create(endpoints.internal(), endpoints.security(), List.of(topic(t.records(), t, records), topic(t.extracts(), t, compacted)));
    }

    private static NewTopic topic(String name, HubProperties.Topics t, Map<String, String> configs) {
        Optional<Short> replication = t.replicationFactor() > 0 ? Optional.of(t.replicationFactor()) : Optional.empty();
        return new NewTopic(name, Optional.of(t.partitions()), replication).configs(configs);
    }

    private static void create(String bootstrapServers, KafkaSecurity security, List<NewTopic> wanted) {
        try (Admin admin = Admin.create(KafkaClients.admin(bootstrapServers, security))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (NewTopic topic : wanted) {
                if (!existing.contains(topic.name())) missing.add(topic);
            }
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get();
                    missing.forEach(topic -> LOG.info("Created topic {} {}", topic.name(), topic.configs()));
                } catch (ExecutionException e) {
                    // Another instance created one meanwhile: it is checked below like any existing topic.
                    if (!(e.getCause() instanceof TopicExistsException)) throw e;
                }
            }
            checkOnceKnown(admin, wanted);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create the hub's topics at " + bootstrapServers, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    /**
     * Checks the topics, asking again while a broker does not know one yet: a topic just created reaches
     * the metadata of the broker asked a moment later, and the hub's start-up retry would wait 5 s.
     */
    private static void checkOnceKnown(Admin admin, List<NewTopic> wanted) throws ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + KNOWN_WITHIN.toNanos();
        while (true) {
            try {
                TopicCheck.check(admin, wanted);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() - deadline > 0) throw e;
                TimeUnit.MILLISECONDS.sleep(100); // a retry's back-off, as TopicPartitions'
            }
        }
    }
}
