package nl.verbeterhub.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import nl.verbeterhub.config.HubProperties;
import nl.verbeterhub.support.TestKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/**
 * Topics are created when absent and checked when present (issue 18): a state topic with a delete policy,
 * or another partition count, stops the hub with every mismatch named, instead of letting it run on them.
 */
class TopicSetupTests {

    private static KafkaEndpoints endpoints(String run, int partitions) {
        HubProperties.Topics topics = new HubProperties.Topics(run + ".drafts", run + ".rejections", run + ".records",
                run + ".extracts", partitions, (short) -1, -1, Duration.ofDays(30));
        return new KafkaEndpoints(TestKafka.bootstrapServers(), TestKafka.bootstrapServers(), topics, null);
    }

    private static Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        return Admin.create(p);
    }

    @Test
    void absentTopicsAreCreatedAndThenPassTheirOwnCheck() throws Exception {
        String run = "setup-" + UUID.randomUUID();
        // Created by the first call; a check right after may ask a broker that does not know them yet and fail as the
        // hub's start-up does (which tries again), so the calls repeat until one passes.
        // New topics reach every broker's metadata a moment later; until then the check fails as the hub's
        // start-up does, which tries again.
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(IllegalStateException.class)
                .until(() -> {
                    TopicSetup.ensure(endpoints(run, 3));
                    return true;
                });
        try (Admin admin = admin()) {
            assertThat(admin.describeTopics(List.of(run + ".records")).allTopicNames().get().get(run + ".records").partitions())
                    .hasSize(3);
            var records = new org.apache.kafka.common.config.ConfigResource(org.apache.kafka.common.config.ConfigResource.Type.TOPIC,
                    run + ".records");
            assertThat(admin.describeConfigs(List.of(records)).all().get().get(records).get(TopicConfig.DELETE_RETENTION_MS_CONFIG).value())
                    .as("the record state keeps its removals").isEqualTo(TopicSetup.KEEP_TOMBSTONES_MS);
        }
    }

    @Test
    void aStateTopicWithADeletePolicyOrAnotherPartitionCountStopsTheHub() throws Exception {
        String run = "mismatch-" + UUID.randomUUID();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(
                    new NewTopic(run + ".records", 3, (short) 1).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, "compact,delete")),
                    new NewTopic(run + ".extracts", 2, (short) 1).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, "compact"))))
                    .all().get();
        }
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(IllegalStateException.class)
                .untilAsserted(() -> assertThatThrownBy(() -> TopicSetup.ensure(endpoints(run, 3)))
                        .isInstanceOf(TopicMismatchException.class));
        assertThatThrownBy(() -> TopicSetup.ensure(endpoints(run, 3)))
                .isInstanceOf(TopicMismatchException.class)
                .hasMessageContaining(run + ".records has cleanup.policy=compact,delete, the hub needs compact")
                .hasMessageContaining(run + ".records has delete.retention.ms=86400000, the hub needs " + TopicSetup.KEEP_TOMBSTONES_MS)
                .hasMessageContaining(run + ".extracts has 2 partitions, hub.kafka.topics.partitions is 3")
                .message().doesNotContain(".drafts has");
    }
}
