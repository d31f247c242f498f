package nl.verbeterhub.kafka;

import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * Three combined KRaft nodes (broker and controller each) in this JVM, built from Kafka's own server
 * classes like {@link EmbeddedKafkaBroker}, with replication factor 3 and {@code min.insync.replicas=2}
 * everywhere. Each node keeps its ports and log folder, so that a stopped node can be started again and
 * rejoin as itself.
 */
final class ThreeBrokerCluster implements AutoCloseable {

    static final int NODES = 3;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path root;
    private final int[] clientPorts = new int[NODES + 1];
    private final int[] controllerPorts = new int[NODES + 1];
    private final KafkaRaftServer[] servers = new KafkaRaftServer[NODES + 1];

    private ThreeBrokerCluster(Path root) {
        this.root = root;
    }

    /** Formats and starts all three nodes; returns when every broker is registered and unfenced. */
    static ThreeBrokerCluster start(Path root) throws Exception {
        ThreeBrokerCluster cluster = new ThreeBrokerCluster(root);
        for (int node = 1; node <= NODES; node++) {
            cluster.clientPorts[node] = EmbeddedKafkaBroker.freePort();
            cluster.controllerPorts[node] = EmbeddedKafkaBroker.freePort();
        }
        String clusterId = Uuid.randomUuid().toString();
        for (int node = 1; node <= NODES; node++) cluster.format(node, clusterId);
        try {
            // A node's start-up blocks until the controller quorum has formed: it takes two of three.
            List<CompletableFuture<Void>> starts = new ArrayList<>();
            for (int node = 1; node <= NODES; node++) starts.add(cluster.startAsync(node));
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new))
                    .get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            cluster.awaitBrokers(Set.of(1, 2, 3));
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private Properties config(int node) {
        String voters = IntStream.rangeClosed(1, NODES)
                .mapToObj(n -> n + "@localhost:" + controllerPorts[n]).collect(Collectors.joining(","));
        Map<String, String> p = new HashMap<>(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", String.valueOf(node)),
                Map.entry("controller.quorum.voters", voters),
                Map.entry("listeners", "PLAINTEXT://localhost:" + clientPorts[node] + ",CONTROLLER://localhost:" + controllerPorts[node]),
                Map.entry("advertised.listeners", "PLAINTEXT://localhost:" + clientPorts[node]),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", logDir(node).toString()),
                Map.entry("offsets.topic.replication.factor", "3"),
                Map.entry("offsets.topic.num.partitions", "3"),
                Map.entry("transaction.state.log.replication.factor", "3"),
                Map.entry("transaction.state.log.min.isr", "2"),
                Map.entry("transaction.state.log.num.partitions", "3"),
                Map.entry("default.replication.factor", "3"),
                Map.entry("min.insync.replicas", "2"),
                Map.entry("unclean.leader.election.enable", "false"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("auto.create.topics.enable", "false"),
                // Three cleaners' dedupe buffers share the test JVM's heap.
                Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(4 << 20)),
                Map.entry("num.network.threads", "2"),
                Map.entry("num.io.threads", "2")));
        Properties props = new Properties();
        props.putAll(p);
        return props;
    }

    private Path logDir(int node) {
        return root.resolve("node-" + node).toAbsolutePath();
    }

    private void format(int node, String clusterId) throws Exception {
        Files.createDirectories(logDir(node));
        new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(node)
                .setClusterId(clusterId)
                .setDirectories(List.of(logDir(node).toString()))
                .setMetadataLogDirectory(logDir(node).toString())
                .setControllerListenerName("CONTROLLER")
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .run();
    }

    private CompletableFuture<Void> startAsync(int node) {
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config(node), false), Time.SYSTEM);
        servers[node] = server;
        // A thread of its own: a pool with fewer threads than nodes would wait for a quorum that never forms.
        return CompletableFuture.runAsync(server::startup, task -> new Thread(task, "kafka-node-" + node + "-start").start());
    }

    /** Stops a node the way an operator does: controlled shutdown, then waits until it is gone. */
    void stop(int node) {
        KafkaRaftServer server = servers[node];
        servers[node] = null;
        server.shutdown();
        server.awaitShutdown();
    }

    /**
     * Starts a stopped node again on its ports and log folder. Its start-up returns once it has caught up
     * with the metadata, which needs a controller quorum: with it, there are two of three again.
     */
    void restart(int node) throws Exception {
        startAsync(node).get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Waits until exactly these brokers are registered and unfenced, as the cluster's metadata says. */
    void awaitBrokers(Set<Integer> nodes) {
        try (Admin admin = admin()) {
            await().atMost(START_TIMEOUT).ignoreExceptions().until(() -> admin.describeCluster().nodes()
                    .get(5, TimeUnit.SECONDS).stream().map(Node::id).collect(Collectors.toSet()).equals(nodes));
        }
    }

    /** The leader of one partition, or -1 while it has none. */
    int leaderOf(String topic, int partition) throws Exception {
        try (Admin admin = admin()) {
            TopicPartitionInfo info = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic).partitions().get(partition);
            return info.leader() == null ? -1 : info.leader().id();
        }
    }

    boolean running(int node) {
        return servers[node] != null;
    }

    /** Every node's client port: the hub is given all three, as it would be in production. */
    String bootstrapServers() {
        return IntStream.rangeClosed(1, NODES).mapToObj(n -> "localhost:" + clientPorts[n])
                .collect(Collectors.joining(","));
    }

    private Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        return Admin.create(p);
    }

    /** Stops what still runs; nodes that lost their quorum stop too (their controller gives up waiting). */
    @Override
    public void close() {
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (int node = 1; node <= NODES; node++) {
            if (servers[node] != null) {
                int n = node;
                stops.add(CompletableFuture.runAsync(() -> stop(n), task -> new Thread(task, "kafka-node-" + n + "-stop").start()));
            }
        }
        CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).orTimeout(120, TimeUnit.SECONDS).join();
    }
}
