package nl.verbeterhub.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.verbeterhub.config.HubProperties;
import nl.verbeterhub.support.LogCollector;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/**
 * Mutual TLS: a broker whose SSL listener demands a client certificate signed by the test's CA. The hub's
 * clients with the trust store and the client certificate work; without the certificate the handshake is
 * refused. Certificates are made by keytool for this run only.
 */
class MutualTlsKafkaTests {

    @TempDir
    static Path dir;
    static TestCertificates certificates;
    static SecuredBroker broker;
    static LogCollector logs;

    @BeforeAll
    static void start() throws Exception {
        logs = LogCollector.attach();
        certificates = TestCertificates.create(Files.createDirectories(dir.resolve("certs")));
        broker = SecuredBroker.mutualTls(dir.resolve("kafka"), certificates);
    }

    @AfterAll
    static void stop() {
        if (broker != null) broker.close();
    }

    @AfterEach
    void noPasswordWasLogged() {
        assertThat(logs.lines()).isNotEmpty().noneMatch(line -> line.contains(certificates.password()));
    }

    static KafkaEndpoints endpoints(String run, boolean clientCertificate) {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(KafkaSecurity.TRUSTSTORE_PASSWORD, certificates.password())
                .withProperty(KafkaSecurity.KEYSTORE_PASSWORD, certificates.password());
        String keystore = clientCertificate ? certificates.clientKeystore().toString() : "";
        KafkaSecurity security = KafkaSecurity.from(new HubProperties.Security("SSL", "SCRAM-SHA-512",
                certificates.truststore().toString(), "PKCS12", keystore, "PKCS12"), environment);
        HubProperties.Topics topics = new HubProperties.Topics(run + ".drafts", run + ".rejections", run + ".records",
                run + ".extracts", 3, (short) -1, -1, Duration.ofDays(30));
        return new KafkaEndpoints(broker.bootstrapServers(), broker.bootstrapServers(), topics,
                KafkaClients.ProducerSettings.DEFAULT, security);
    }

    @Test
    void theClientCertificateCreatesTopicsAndCommitsATransactionReadBackCommittedOnly() {
        KafkaEndpoints endpoints = endpoints("mtls", true);
        TopicSetup.ensure(endpoints);

        String topic = endpoints.topics().extracts();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaClients.transactionalProducer(endpoints.internal(),
                endpoints.security(), endpoints.producerSettings(), "mtls-test", Duration.ofMinutes(1)),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "06019999:1", "committed".getBytes(StandardCharsets.UTF_8)));
            producer.commitTransaction();
        }
        List<String> read = new ArrayList<>();
        TopicScan.fromBeginningToEnd(endpoints.internal(), endpoints.security(), topic,
                r -> read.add(new String(r.value(), StandardCharsets.UTF_8)));
        assertThat(read).containsExactly("committed");
    }

    @Test
    void withoutAClientCertificateTheBrokerRefusesTheHandshake() {
        KafkaEndpoints endpoints = endpoints("mtls-none", false);
        assertThatThrownBy(() -> TopicSetup.ensure(endpoints)).hasCauseInstanceOf(SslAuthenticationException.class);
    }
}
