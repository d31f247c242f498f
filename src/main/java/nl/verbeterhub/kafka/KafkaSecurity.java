package nl.verbeterhub.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import nl.verbeterhub.config.HubProperties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.springframework.core.env.PropertyResolver;

/**
 * How every Kafka client of the hub authenticates: the one place that turns {@code hub.kafka.security.*}
 * and the secrets of the environment into client properties. Secrets are kept as Kafka {@link Password}s,
 * whose {@code toString()} is {@code [hidden]}, so that printing the properties never shows one.
 */
public final class KafkaSecurity {

    public static final String SASL_USERNAME = "VERBETERHUB_KAFKA_SASL_USERNAME";
    public static final String SASL_PASSWORD = "VERBETERHUB_KAFKA_SASL_PASSWORD";
    public static final String TRUSTSTORE_PASSWORD = "VERBETERHUB_KAFKA_TRUSTSTORE_PASSWORD";
    public static final String KEYSTORE_PASSWORD = "VERBETERHUB_KAFKA_KEYSTORE_PASSWORD";
    public static final String KEY_PASSWORD = "VERBETERHUB_KAFKA_KEY_PASSWORD";

    /** The embedded broker, and any cluster configured without security. */
    public static final KafkaSecurity PLAINTEXT = new KafkaSecurity("PLAINTEXT", "", Map.of());

    private static final Set<String> PROTOCOLS = Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
    private static final Map<String, String> LOGIN_MODULES = Map.of(
            "SCRAM-SHA-512", "org.apache.kafka.common.security.scram.ScramLoginModule",
            "SCRAM-SHA-256", "org.apache.kafka.common.security.scram.ScramLoginModule",
            "PLAIN", "org.apache.kafka.common.security.plain.PlainLoginModule");

    private final String protocol;
    private final String description;
    private final Map<String, Object> properties;

    private KafkaSecurity(String protocol, String description, Map<String, Object> properties) {
        this.protocol = protocol;
        this.description = description;
        this.properties = Map.copyOf(properties);
    }

    /**
     * Reads the settings and the secrets they need.
     *
     * @throws IllegalStateException naming every setting or environment variable that is wrong or
     *     missing (never a secret's value)
     */
    public static KafkaSecurity from(HubProperties.Security settings, PropertyResolver environment) {
        String protocol = settings.protocol().trim().toUpperCase(Locale.ROOT);
        if (!PROTOCOLS.contains(protocol)) {
            throw new IllegalStateException("hub.kafka.security.protocol must be PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL, not "
                    + settings.protocol());
        }
        boolean sasl = protocol.startsWith("SASL_");
        boolean tls = protocol.endsWith("SSL");
        List<String> problems = new ArrayList<>();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol);
        StringBuilder description = new StringBuilder(protocol);
        if (sasl) {
            String mechanism = settings.saslMechanism().trim().toUpperCase(Locale.ROOT);
            String module = LOGIN_MODULES.get(mechanism);
            if (module == null) problems.add("hub.kafka.security.sasl-mechanism must be SCRAM-SHA-512, SCRAM-SHA-256 or PLAIN, not "
                    + settings.saslMechanism());
            String username = secret(environment, SASL_USERNAME, problems);
            String password = secret(environment, SASL_PASSWORD, problems);
            if (module != null && username != null && password != null) {
                p.put(SaslConfigs.SASL_MECHANISM, mechanism);
                p.put(SaslConfigs.SASL_JAAS_CONFIG, new Password(module + " required username=" + quote(username)
                        + " password=" + quote(password) + ";"));
            }
            description.append(' ').append(mechanism);
        }
        if (tls) {
            store(settings.truststoreLocation(), settings.truststoreType(), "truststore", TRUSTSTORE_PASSWORD, environment, p, problems);
            store(settings.keystoreLocation(), settings.keystoreType(), "keystore", KEYSTORE_PASSWORD, environment, p, problems);
            if (!settings.keystoreLocation().isBlank() && present(environment, KEY_PASSWORD)) {
                p.put(SslConfigs.SSL_KEY_PASSWORD_CONFIG, new Password(environment.getProperty(KEY_PASSWORD)));
            }
            description.append(settings.truststoreLocation().isBlank() ? ", the JVM's trust store" : ", trust store " + settings.truststoreLocation());
            if (!settings.keystoreLocation().isBlank()) description.append(", client certificate ").append(settings.keystoreLocation());
        } else {
            // A store configured for a protocol without TLS means the operator expects TLS that would not happen.
            if (!settings.truststoreLocation().isBlank()) problems.add("hub.kafka.security.truststore-location is set but " + protocol + " uses no TLS");
            if (!settings.keystoreLocation().isBlank()) problems.add("hub.kafka.security.keystore-location is set but " + protocol + " uses no TLS");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Kafka security (" + protocol + ") is incomplete: " + String.join("; ", problems));
        }
        return new KafkaSecurity(protocol, description.toString(), p);
    }

    private static void store(String location, String type, String name, String passwordVariable, PropertyResolver environment,
                              Map<String, Object> p, List<String> problems) {
        if (location.isBlank()) return;
        if (!Files.isReadable(Path.of(location))) problems.add("hub.kafka.security." + name + "-location " + location + " is not a readable file");
        p.put("ssl." + name + ".location", location);
        p.put("ssl." + name + ".type", type);
        // A PEM store needs no password; a PKCS12 or JKS one is checked (and its keys decrypted) with it.
        if (type.equalsIgnoreCase("PEM") && !present(environment, passwordVariable)) return;
        String password = secret(environment, passwordVariable, problems);
        if (password != null) p.put("ssl." + name + ".password", new Password(password));
    }

    private static String secret(PropertyResolver environment, String variable, List<String> problems) {
        if (present(environment, variable)) return environment.getProperty(variable);
        problems.add("environment variable " + variable + " is not set");
        return null;
    }

    private static boolean present(PropertyResolver environment, String variable) {
        String value = environment.getProperty(variable);
        return value != null && !value.isEmpty();
    }

    /**
     * A JAAS option value: Kafka parses it with {@link java.io.StreamTokenizer}, which reads backslash
     * escapes inside quotes and ends a quoted value at a line break.
     */
    static String quote(String value) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** Adds the security settings to a client's properties. */
    public Properties apply(Properties client) {
        client.putAll(properties);
        return client;
    }

    /** The client properties, secrets as {@link Password}s. */
    public Map<String, Object> properties() {
        return properties;
    }

    public String protocol() {
        return protocol;
    }

    public boolean plaintext() {
        return protocol.equals("PLAINTEXT");
    }

    /** Protocol, mechanism and store locations: safe to log, no secret or user name. */
    @Override
    public String toString() {
        return description;
    }
}
