package nl.verbeterhub.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Checks topics that already existed against what the hub would have created (issue 18): the cleanup
 * policy exactly (a compacted topic with {@code delete} added loses the state of quiet hospitals), the
 * record-state topic's {@code delete.retention.ms} (its removals are kept), the partition count (records are placed by AGB over that count), and, when configured, the replication
 * factor and {@code min.insync.replicas}. Every mismatch is named in one message.
 */
final class TopicCheck {

    private TopicCheck() {
    }

    static void check(Admin admin, Collection<NewTopic> wanted) throws ExecutionException, InterruptedException {
        List<String> names = wanted.stream().map(NewTopic::name).toList();
        Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get();
        List<ConfigResource> resources = names.stream().map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
        Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get();
        List<String> problems = new ArrayList<>();
        for (NewTopic topic : wanted) {
            TopicDescription d = described.get(topic.name());
            Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
            String policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
            String wantedPolicy = topic.configs().get(TopicConfig.CLEANUP_POLICY_CONFIG);
            if (!wantedPolicy.equals(policy)) {
                problems.add(topic.name() + " has cleanup.policy=" + policy + ", the hub needs " + wantedPolicy);
            }
            int partitions = d.partitions().size();
            if (topic.numPartitions() != partitions) {
                problems.add(topic.name() + " has " + partitions + " partitions, hub.kafka.topics.partitions is " + topic.numPartitions());
            }
            int replicas = d.partitions().get(0).replicas().size();
            if (topic.replicationFactor() > 0 && replicas != topic.replicationFactor()) {
                problems.add(topic.name() + " has replication factor " + replicas + ", hub.kafka.topics.replication-factor is "
                        + topic.replicationFactor());
            }
            String keepTombstones = topic.configs().get(TopicConfig.DELETE_RETENTION_MS_CONFIG);
            String actualKeep = config.get(TopicConfig.DELETE_RETENTION_MS_CONFIG).value();
            if (keepTombstones != null && Long.parseLong(actualKeep) < Long.parseLong(keepTombstones)) {
                problems.add(topic.name() + " has delete.retention.ms=" + actualKeep + ", the hub needs " + keepTombstones
                        + " (removals must outlive any store that may catch up from an older offset)");
            }
            String minIsr = topic.configs().get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
            String actualMinIsr = config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value();
            if (minIsr != null && !minIsr.equals(actualMinIsr)) {
                problems.add(topic.name() + " has min.insync.replicas=" + actualMinIsr
                        + ", hub.kafka.topics.min-insync-replicas is " + minIsr);
            }
        }
        if (!problems.isEmpty()) {
            throw new TopicMismatchException("the hub's topics exist with other settings than it needs; fix them (or the "
                    + "configuration) and start again: " + String.join("; ", problems));
        }
    }
}
