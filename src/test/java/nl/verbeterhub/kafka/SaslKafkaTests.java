package nl.verbeterhub.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.verbeterhub.config.HubProperties;
import nl.verbeterhub.support.LogCollector;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/**
 * The hub's own clients against a real broker whose only listener they get is SASL_PLAINTEXT with
 * SCRAM-SHA-512: with the right password they create and check the topics, commit a transaction and read
 * it back committed-only; with a wrong one they fail with an authentication error. No log line shows a
 * password, at any level the run logs.
 */
class SaslKafkaTests {

    /** Quotes, a backslash and a semicolon: the JAAS escaping is proved against the broker itself. */
    static final String PASSWORD = "s3cr\"et\\pass;word";
    static final String WRONG = "wrong-pass-0cc4f1";

    @TempDir
    static Path dir;
    static SecuredBroker broker;
    static LogCollector logs;

    @BeforeAll
    static void start() throws Exception {
        logs = LogCollector.attach();
        broker = SecuredBroker.sasl(dir.resolve("kafka"));
        broker.addScramUser("verbeterhub", PASSWORD);
        // The controller has the user; wait until the broker serving the listener has it too.
        try (Admin admin = Admin.create(KafkaClients.admin(broker.bootstrapServers(), security(PASSWORD)))) {
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> !admin.describeCluster().nodes().get().isEmpty());
        }
    }

    @AfterAll
    static void stop() {
        if (broker != null) broker.close();
    }

    @AfterEach
    void noPasswordWasLogged() {
        assertThat(logs.lines()).isNotEmpty().noneMatch(line -> line.contains(PASSWORD) || line.contains(WRONG));
    }

    static KafkaSecurity security(String password) {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(KafkaSecurity.SASL_USERNAME, "verbeterhub")
                .withProperty(KafkaSecurity.SASL_PASSWORD, password);
        return KafkaSecurity.from(new HubProperties.Security("SASL_PLAINTEXT", "SCRAM-SHA-512", "", "PKCS12", "", "PKCS12"), environment);
    }

    static KafkaEndpoints endpoints(String run, KafkaSecurity security) {
        HubProperties.Topics topics = new HubProperties.Topics(run + ".drafts", run + ".rejections", run + ".records",
                run + ".extracts", 3, (short) -1, -1, Duration.ofDays(30));
        return new KafkaEndpoints(broker.bootstrapServers(), broker.bootstrapServers(), topics,
                KafkaClients.ProducerSettings.DEFAULT, security);
    }

    @Test
    void theRightPasswordCreatesTopicsAndCommitsATransactionReadBackCommittedOnly() {
        KafkaEndpoints endpoints = endpoints("sasl", security(PASSWORD));
        TopicSetup.ensure(endpoints);
        TopicSetup.ensure(endpoints);  // the second time every topic exists and is checked

        String topic = endpoints.topics().records();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaClients.transactionalProducer(endpoints.internal(),
                endpoints.security(), endpoints.producerSettings(), "sasl-test", Duration.ofMinutes(1)),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "06019999:1", bytes("aborted")));
            producer.abortTransaction();
            producer.beginTransaction();
            for (int i = 1; i <= 3; i++) producer.send(new ProducerRecord<>(topic, "0601999" + i + ":1", bytes("record " + i)));
            producer.commitTransaction();
        }
        List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
        TopicScan.fromBeginningToEnd(endpoints.internal(), endpoints.security(), topic, read::add);
        assertThat(read).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder("record 1", "record 2", "record 3");
    }

    @Test
    void aWrongPasswordFailsWithAnAuthenticationErrorThatShowsNoPassword() {
        KafkaEndpoints endpoints = endpoints("sasl-wrong", security(WRONG));
        assertThatThrownBy(() -> TopicSetup.ensure(endpoints))
                .hasRootCauseInstanceOf(SaslAuthenticationException.class)
                .satisfies(e -> assertThat(chain(e)).doesNotContain(WRONG, PASSWORD));
        assertThatThrownBy(() -> TopicScan.fromBeginningToEnd(endpoints.intake(), endpoints.security(), "any", r -> { }))
                .isInstanceOf(SaslAuthenticationException.class);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaClients.transactionalProducer(endpoints.internal(),
                endpoints.security(), endpoints.producerSettings(), "sasl-wrong", Duration.ofMinutes(1)),
                new StringSerializer(), new ByteArraySerializer())) {
            assertThatThrownBy(producer::initTransactions).isInstanceOf(SaslAuthenticationException.class);
        }
    }

    private static String chain(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) b.append(t).append('\n');
        return b.toString();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
