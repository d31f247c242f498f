package nl.verbeterhub.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import javax.security.auth.login.AppConfigurationEntry;
import nl.verbeterhub.config.HubProperties;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** The client properties built for each protocol, and the start-up errors when a secret is missing. */
class KafkaSecurityTests {

    static final String PASSWORD = "pa\"ss\\word; with \"quotes\"\nand a line";

    @TempDir
    Path dir;

    static HubProperties.Security settings(String protocol, String truststore, String keystore) {
        return new HubProperties.Security(protocol, "SCRAM-SHA-512", truststore, "PKCS12", keystore, "PKCS12");
    }

    static MockEnvironment secrets() {
        return new MockEnvironment()
                .withProperty(KafkaSecurity.SASL_USERNAME, "hub\"user")
                .withProperty(KafkaSecurity.SASL_PASSWORD, PASSWORD)
                .withProperty(KafkaSecurity.TRUSTSTORE_PASSWORD, "trust-secret")
                .withProperty(KafkaSecurity.KEYSTORE_PASSWORD, "keystore-secret")
                .withProperty(KafkaSecurity.KEY_PASSWORD, "key-secret");
    }

    private Path file(String name) throws Exception {
        return Files.writeString(dir.resolve(name), "not read here");
    }

    @Test
    void plaintextByDefaultAddsOnlyTheProtocol() {
        KafkaSecurity security = KafkaSecurity.from(settings("PLAINTEXT", "", ""), new MockEnvironment());
        assertThat(security.properties()).containsExactly(Map.entry("security.protocol", "PLAINTEXT"));
        assertThat(security.plaintext()).isTrue();
        assertThat(KafkaSecurity.PLAINTEXT.apply(new Properties())).isEmpty();
    }

    @Test
    void saslPlaintextBuildsAScramJaasConfigWhoseQuotedValuesReadBackExactly() {
        KafkaSecurity security = KafkaSecurity.from(settings("sasl_plaintext", "", ""), secrets());
        Map<String, Object> p = security.properties();
        assertThat(p).containsEntry("security.protocol", "SASL_PLAINTEXT").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .doesNotContainKeys("ssl.truststore.location", "ssl.keystore.location");
        Password jaas = (Password) p.get("sasl.jaas.config");
        assertThat(jaas.value()).startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required ");
        // Kafka's own parser of sasl.jaas.config gives back the very user name and password.
        AppConfigurationEntry entry = JaasContext.loadClientContext(Map.of("sasl.jaas.config", jaas)).configurationEntries().get(0);
        assertThat(entry.getOptions().get("username")).isEqualTo("hub\"user");
        assertThat(entry.getOptions().get("password")).isEqualTo(PASSWORD);
    }

    @Test
    void saslSslAddsTheTrustStoreAndPlainUsesItsOwnLoginModule() throws Exception {
        Path truststore = file("truststore.p12");
        HubProperties.Security plain = new HubProperties.Security("SASL_SSL", "PLAIN", truststore.toString(), "PKCS12", "", "PKCS12");
        Map<String, Object> p = KafkaSecurity.from(plain, secrets()).properties();
        assertThat(p).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "PLAIN")
                .containsEntry("ssl.truststore.location", truststore.toString()).containsEntry("ssl.truststore.type", "PKCS12")
                .containsEntry("ssl.truststore.password", new Password("trust-secret")).doesNotContainKey("ssl.keystore.location");
        assertThat(((Password) p.get("sasl.jaas.config")).value()).startsWith("org.apache.kafka.common.security.plain.PlainLoginModule");
    }

    @Test
    void sslWithAClientCertificateIsMutualTlsWithoutSasl() throws Exception {
        Path truststore = file("truststore.p12");
        Path keystore = file("client.p12");
        KafkaSecurity security = KafkaSecurity.from(settings("SSL", truststore.toString(), keystore.toString()), secrets());
        assertThat(security.properties()).containsEntry("security.protocol", "SSL")
                .containsEntry("ssl.keystore.location", keystore.toString())
                .containsEntry("ssl.keystore.password", new Password("keystore-secret"))
                .containsEntry("ssl.key.password", new Password("key-secret"))
                .doesNotContainKeys("sasl.mechanism", "sasl.jaas.config");
        assertThat(security).hasToString("SSL, trust store " + truststore + ", client certificate " + keystore);
    }

    @Test
    void sslWithoutATrustStoreUsesTheJvmsOwnAndNeedsNoSecret() {
        KafkaSecurity security = KafkaSecurity.from(settings("SSL", "", ""), new MockEnvironment());
        assertThat(security.properties()).containsExactly(Map.entry("security.protocol", "SSL"));
    }

    @Test
    void everyClientGetsTheSameSettingsAndPrintingThemShowsNoSecret() throws Exception {
        KafkaSecurity security = KafkaSecurity.from(settings("SASL_SSL", file("t.p12").toString(), ""), secrets());
        var settings = KafkaClients.ProducerSettings.DEFAULT;
        for (Properties p : new Properties[] {KafkaClients.producer("b:9093", security, settings),
                KafkaClients.transactionalProducer("b:9093", security, settings, "t", Duration.ofMinutes(1)),
                KafkaClients.consumer("b:9093", security), KafkaClients.admin("b:9093", security)}) {
            assertThat(p).containsAllEntriesOf(security.properties()).containsEntry("bootstrap.servers", "b:9093");
            assertThat(p.toString()).doesNotContain("pa\"ss", "trust-secret", "hub\"user");
        }
        assertThat(security.toString()).doesNotContain("pa\"ss", "trust-secret", "hub\"user");
    }

    @Test
    void aMissingSecretStopsTheStartNamingTheVariableNeverAValue() throws Exception {
        MockEnvironment onlyPassword = new MockEnvironment().withProperty(KafkaSecurity.SASL_PASSWORD, PASSWORD);
        assertThatThrownBy(() -> KafkaSecurity.from(settings("SASL_SSL", "", ""), onlyPassword))
                .hasMessageContaining(KafkaSecurity.SASL_USERNAME).hasMessageNotContaining(KafkaSecurity.SASL_PASSWORD)
                .hasMessageNotContaining(PASSWORD);
        String keystore = file("client.p12").toString();
        assertThatThrownBy(() -> KafkaSecurity.from(settings("SSL", "", keystore), new MockEnvironment()))
                .hasMessageContaining(KafkaSecurity.KEYSTORE_PASSWORD);
        String truststore = file("truststore.p12").toString();
        assertThatThrownBy(() -> KafkaSecurity.from(settings("SASL_SSL", truststore, ""), new MockEnvironment()))
                .hasMessageContaining(KafkaSecurity.SASL_USERNAME).hasMessageContaining(KafkaSecurity.SASL_PASSWORD)
                .hasMessageContaining(KafkaSecurity.TRUSTSTORE_PASSWORD);
    }

    @Test
    void wrongSettingsAreNamed() {
        assertThatThrownBy(() -> KafkaSecurity.from(settings("TLS", "", ""), secrets())).hasMessageContaining("hub.kafka.security.protocol");
        HubProperties.Security gssapi = new HubProperties.Security("SASL_SSL", "GSSAPI", "", "PKCS12", "", "PKCS12");
        assertThatThrownBy(() -> KafkaSecurity.from(gssapi, secrets())).hasMessageContaining("hub.kafka.security.sasl-mechanism");
        assertThatThrownBy(() -> KafkaSecurity.from(settings("SSL", dir.resolve("absent.p12").toString(), ""), secrets()))
                .hasMessageContaining("truststore-location").hasMessageContaining("absent.p12");
        // A trust store with a protocol that has no TLS: the operator expects TLS that would not happen.
        assertThatThrownBy(() -> KafkaSecurity.from(settings("SASL_PLAINTEXT", "/etc/hosts", ""), secrets()))
                .hasMessageContaining("truststore-location is set but SASL_PLAINTEXT uses no TLS");
    }
}
