package nl.verbeterhub.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import nl.verbeterhub.kafka.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A standalone single-node KRaft broker in a process of its own, started with Kafka's own entry points
 * ({@code kafka.tools.StorageTool format}, then {@code kafka.Kafka}) on the test's class path: hubs under
 * test reach it as they would reach a real cluster, and it outlives any hub killed beside it.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final int externalPort;

    private KafkaBrokerProcess(Process process, int port, int externalPort) {
        this.process = process;
        this.port = port;
        this.externalPort = externalPort;
    }

    public static KafkaBrokerProcess start(Path dir) throws Exception {
        return start(dir, 0);
    }

    /**
     * @param advertisedExternalPort where clients of the second listener ({@link #externalPort}) are told to
     *                               connect: a {@link TcpProxy} in front of it; 0: no second listener
     */
    public static KafkaBrokerProcess start(Path dir, int advertisedExternalPort) throws Exception {
        Files.createDirectories(dir);
        int port = EmbeddedKafkaBroker.freePort();
        int controller = EmbeddedKafkaBroker.freePort();
        int external = advertisedExternalPort == 0 ? 0 : EmbeddedKafkaBroker.freePort();
        String listeners = "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controller
                + (external == 0 ? "" : ",EXTERNAL://localhost:" + external);
        String advertised = "PLAINTEXT://localhost:" + port
                + (external == 0 ? "" : ",EXTERNAL://localhost:" + advertisedExternalPort);
        Path config = dir.resolve("server.properties");
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controller,
                "listeners=" + listeners,
                "advertised.listeners=" + advertised,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,EXTERNAL:PLAINTEXT",
                "log.dirs=" + dir.resolve("log").toAbsolutePath(),
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=5",
                "group.initial.rebalance.delay.ms=0",
                "group.min.session.timeout.ms=2000",
                "auto.create.topics.enable=false",
                "log.cleaner.dedupe.buffer.size=8388608",
                "num.network.threads=2",
                "num.io.threads=2",
                ""));
        Path log = dir.resolve("broker.log");
        int formatted = java(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
                config.toString()), log).waitFor();
        if (formatted != 0) throw new IllegalStateException("kafka-storage format failed; see " + log);
        KafkaBrokerProcess broker = new KafkaBrokerProcess(java(List.of("kafka.Kafka", config.toString()), log), port, external);
        broker.awaitReady(Duration.ofSeconds(90));
        return broker;
    }

    private static Process java(List<String> mainAndArgs, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx384m", "-cp", System.getProperty("java.class.path")));
        command.addAll(mainAndArgs);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private void awaitReady(Duration timeout) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(p)) {
            while (true) {
                if (!process.isAlive()) throw new IllegalStateException("the broker process ended");
                try {
                    if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) return;
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) throw new IllegalStateException("broker not ready", e);
                }
            }
        }
    }

    /** The broker's own listener: for the test's readers, never cut. */
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** The second listener's real port: what the proxy forwards to. */
    public int externalPort() {
        return externalPort;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }
}
