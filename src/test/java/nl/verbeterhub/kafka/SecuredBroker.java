package nl.verbeterhub.kafka;

import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node KRaft broker of the test, built from Kafka's own server classes like
 * {@link EmbeddedKafkaBroker}, with a secured listener for the hub's clients (SASL_PLAINTEXT with
 * SCRAM-SHA-512, or SSL demanding a client certificate) and a PLAINTEXT one for the broker itself and
 * the test's set-up (SCRAM users). The hub's clients are only ever given the secured one.
 */
final class SecuredBroker implements AutoCloseable {

    private final KafkaRaftServer server;
    private final int securedPort;
    private final int plaintextPort;

    private SecuredBroker(KafkaRaftServer server, int securedPort, int plaintextPort) {
        this.server = server;
        this.securedPort = securedPort;
        this.plaintextPort = plaintextPort;
    }

    static SecuredBroker sasl(Path logDir) throws Exception {
        return start(logDir, "SASL_PLAINTEXT", Map.of(
                "sasl.enabled.mechanisms", "SCRAM-SHA-512",
                "listener.name.secured.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;"));
    }

    /** Mutual TLS: the broker's certificate from {@code certificates}, and every client must show one signed by its CA. */
    static SecuredBroker mutualTls(Path logDir, TestCertificates certificates) throws Exception {
        String prefix = "listener.name.secured.";
        return start(logDir, "SSL", Map.of(
                prefix + "ssl.keystore.location", certificates.brokerKeystore().toString(),
                prefix + "ssl.keystore.password", certificates.password(),
                prefix + "ssl.keystore.type", "PKCS12",
                prefix + "ssl.truststore.location", certificates.truststore().toString(),
                prefix + "ssl.truststore.password", certificates.password(),
                prefix + "ssl.truststore.type", "PKCS12",
                prefix + "ssl.client.auth", "required"));
    }

    private static SecuredBroker start(Path logDir, String protocol, Map<String, String> listenerConfig) throws Exception {
        int secured = EmbeddedKafkaBroker.freePort();
        int plaintext = EmbeddedKafkaBroker.freePort();
        int controller = EmbeddedKafkaBroker.freePort();
        Map<String, String> p = new HashMap<>(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@localhost:" + controller),
                Map.entry("listeners", "SECURED://localhost:" + secured + ",INTERNAL://localhost:" + plaintext
                        + ",CONTROLLER://localhost:" + controller),
                Map.entry("advertised.listeners", "SECURED://localhost:" + secured + ",INTERNAL://localhost:" + plaintext),
                Map.entry("listener.security.protocol.map", "SECURED:" + protocol + ",INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "INTERNAL"),
                Map.entry("log.dirs", logDir.toAbsolutePath().toString()),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "3"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("transaction.state.log.num.partitions", "3"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("auto.create.topics.enable", "false"),
                Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(8 << 20)),
                Map.entry("num.network.threads", "2"),
                Map.entry("num.io.threads", "2"),
                Map.entry("controlled.shutdown.enable", "false")));
        p.putAll(listenerConfig);
        Properties props = new Properties();
        props.putAll(p);
        new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(1)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(logDir.toAbsolutePath().toString()))
                .setMetadataLogDirectory(logDir.toAbsolutePath().toString())
                .setControllerListenerName("CONTROLLER")
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .run();
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        SecuredBroker broker = new SecuredBroker(server, secured, plaintext);
        try {
            server.startup();
            try (Admin admin = broker.plaintextAdmin()) {
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                        .until(() -> !admin.describeCluster().nodes().get().isEmpty());
            }
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    /**
     * Adds a SCRAM-SHA-512 user over the PLAINTEXT listener; any password, quotes and backslashes
     * included. Returns once the broker has it (the controller commits it first, the broker follows).
     */
    void addScramUser(String user, String password) throws Exception {
        try (Admin admin = plaintextAdmin()) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password))).all().get();
            await().atMost(Duration.ofSeconds(30)).until(() -> !admin.describeUserScramCredentials(List.of(user)).all().get()
                    .isEmpty());
        }
    }

    private Admin plaintextAdmin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + plaintextPort);
        return Admin.create(p);
    }

    /** The secured listener: the only address the hub's clients get. */
    String bootstrapServers() {
        return "localhost:" + securedPort;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
