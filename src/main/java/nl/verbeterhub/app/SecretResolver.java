package nl.verbeterhub.app;

import java.io.IOException;
import nl.verbeterhub.config.HubProperties;
import nl.verbeterhub.pseudonym.PseudonymSecret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * The pseudonym secret comes from {@code VERBETERHUB_PSEUDONYM_SECRET}. Only the local default mode
 * (embedded broker) may do without: it generates one once under {@code data/} and warns; against a real
 * cluster a missing secret stops the hub, since a lost secret means a full re-ingest.
 */
final class SecretResolver {

    private static final Logger LOG = LoggerFactory.getLogger(SecretResolver.class);
    static final String FILE_NAME = "pseudonym.secret";

    private SecretResolver() {
    }

    /** @param environment holds the process environment (and, in tests, the same name as a property) */
    static PseudonymSecret resolve(HubProperties properties, Environment environment) throws IOException {
        String fromEnvironment = environment.getProperty(PseudonymSecret.ENV);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return PseudonymSecret.of(fromEnvironment);
        }
        if (!properties.kafka().embedded()) {
            throw new IllegalStateException(PseudonymSecret.ENV + " must be set when the hub runs against a Kafka cluster");
        }
        PseudonymSecret.Loaded loaded = PseudonymSecret.loadOrCreate(properties.dataDir().resolve(FILE_NAME));
        if (loaded.created()) {
            LOG.warn("{} is not set: generated a local pseudonym secret in {}. Back it up with data/; "
                    + "losing or changing it changes every pseudonym.", PseudonymSecret.ENV,
                    properties.dataDir().resolve(FILE_NAME));
        } else {
            LOG.warn("{} is not set: using the local pseudonym secret in {}", PseudonymSecret.ENV,
                    properties.dataDir().resolve(FILE_NAME));
        }
        return loaded.secret();
    }
}
