package nl.verbeterhub.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) inside the hub's JVM, for the
 * local default mode and the tests. Its log lives under the given folder so that drafts and state
 * survive a restart; the storage is formatted once, on first start. Every replication factor is 1.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final int NODE_ID = 1;

    private final KafkaRaftServer server;
    private final int port;

    private EmbeddedKafkaBroker(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts the broker and waits until it answers.
     *
     * @param port the client port; 0 picks a free one
     */
    public static EmbeddedKafkaBroker start(Path logDir, int port) throws IOException {
        Files.createDirectories(logDir);
        int clientPort = port == 0 ? freePort() : port;
        int controllerPort = freePort();
        Properties p = new Properties();
        p.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", String.valueOf(NODE_ID)),
                Map.entry("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://localhost:" + clientPort + ",CONTROLLER://localhost:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://localhost:" + clientPort),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", logDir.toAbsolutePath().toString()),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "5"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("transaction.state.log.num.partitions", "5"),
                Map.entry("default.replication.factor", "1"),
                Map.entry("min.insync.replicas", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("auto.create.topics.enable", "false"),
                // The cleaner's dedupe buffer sits on the hub's heap: 128 MiB by default is too much here.
                Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(8 << 20)),
                Map.entry("num.network.threads", "2"),
                Map.entry("num.io.threads", "2"),
                Map.entry("controlled.shutdown.enable", "false")));
        KafkaConfig config = KafkaConfig.fromProps(p, false);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(logDir);
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, clientPort);
        try {
            server.startup();
            broker.awaitReady(Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            // A half-started broker keeps its port and threads: take it down before failing.
            broker.close();
            throw new IllegalStateException("embedded Kafka broker did not start on port " + clientPort, e);
        }
        LOG.info("Embedded Kafka broker on localhost:{}, log in {}", clientPort, logDir);
        return broker;
    }

    private static void format(Path logDir) throws IOException {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir.toAbsolutePath().toString()))
                    .setMetadataLogDirectory(logDir.toAbsolutePath().toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        } catch (Exception e) {
            throw new IOException("cannot format the embedded broker's storage in " + logDir, e);
        }
    }

    private void awaitReady(Duration timeout) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get().isEmpty()) return;
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) throw new IllegalStateException("broker not ready", e);
                }
            }
        }
    }

    /** A port nothing listens on now (for the controller, and for tests that need a fixed one). */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        LOG.info("Embedded Kafka broker stopped");
    }
}
