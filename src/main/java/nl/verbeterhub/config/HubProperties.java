package nl.verbeterhub.config;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.verbeterhub.fhir.VbiScores;
import nl.verbeterhub.theme.pijn.PainScale;
import nl.verbeterhub.theme.pijn.PainScales;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything configurable under {@code hub.*}, small records per concern, each with a safe default
 * (documented in README.md, "Configuration"). Secrets are not here: they come from the environment.
 *
 * @param dataDir broker log, record state, local secret and inboxes
 * @param connectorsDir one YAML file per hospital source
 * @param deploymentUri names this deployment in the drafts' {@code ce_source}
 */
@ConfigurationProperties("hub")
public record HubProperties(
        @DefaultValue("data") Path dataDir,
        @DefaultValue("connectors") Path connectorsDir,
        @DefaultValue("urn:verbeterhub:local") String deploymentUri,
        @DefaultValue Kafka kafka,
        @DefaultValue Csv csv,
        @DefaultValue Pseudonym pseudonym,
        @DefaultValue DraftSettings draft,
        @DefaultValue Pain pain,
        @DefaultValue Fhir fhir,
        @DefaultValue Inbox inbox,
        @DefaultValue Access access,
        @DefaultValue Api api) {

    /**
     * @param usersFile the people who may log in besides the environment's operator (bcrypt hashes and
     *                  the AGBs each sees); empty: {@code users.yaml} in the data folder, when it exists
     * @param publicMetrics whether {@code /actuator/prometheus} answers without login (for scraping)
     */
    public record Access(@DefaultValue("") String usersFile, @DefaultValue("true") boolean publicMetrics) {

        public Path usersFile(Path dataDir) {
            return usersFile.isBlank() ? dataDir.resolve("users.yaml") : Path.of(usersFile);
        }
    }

    /**
     * @param maxUploadBytes a pushed extract larger than this is refused with 413 before it is stored
     * @param uploadWait how long an upload waits for its extract's report before answering 202
     */
    public record Api(@DefaultValue("268435456") long maxUploadBytes, @DefaultValue("PT60S") Duration uploadWait) {
    }

    /**
     * @param bootstrapServers the intake cluster; empty: start the embedded broker
     * @param internalBootstrapServers the cluster for the hub's own topics; empty: the same as above
     * @param embeddedPort the embedded broker's port
     * @param transactionTimeout how long the brokers keep an extract's transaction open for a silent hub
     * @param sessionTimeout how long a silent instance keeps its hospitals before the others take them over
     * @param handoverTimeout how long a hand-over lets an extract being read finish before its route is forced down
     * @param deliveryTimeout how long a send may wait for the broker before the extract is retried
     * @param maxBlock how long a send may block waiting for metadata or buffer space
     * @param compression of the record batches the hub produces (none, lz4, zstd, …)
     * @param rowsPerTransaction an extract is committed in parts of this many rows, applied while it is read
     * @param security how every client of the hub connects to the cluster(s) named here; not the embedded broker
     */
    public record Kafka(
            @DefaultValue("") String bootstrapServers,
            @DefaultValue("") String internalBootstrapServers,
            @DefaultValue("9092") int embeddedPort,
            @DefaultValue("PT15M") Duration transactionTimeout,
            @DefaultValue("PT10S") Duration sessionTimeout,
            @DefaultValue("PT1M") Duration handoverTimeout,
            @DefaultValue("PT2M") Duration deliveryTimeout,
            @DefaultValue("PT30S") Duration maxBlock,
            @DefaultValue("lz4") String compression,
            @DefaultValue("100000") int rowsPerTransaction,
            @DefaultValue Topics topics,
            @DefaultValue Security security) {

        public boolean embedded() {
            return bootstrapServers.isBlank();
        }
    }

    /**
     * TLS and SASL of a real cluster; the passwords come from the environment only ({@code KafkaSecurity}).
     *
     * @param protocol PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL
     * @param saslMechanism SCRAM-SHA-512, SCRAM-SHA-256 or PLAIN (the SASL protocols only)
     * @param truststoreLocation the CA(s) the brokers' certificates are checked against; empty: the JVM's own
     * @param keystoreLocation the hub's client certificate (mutual TLS); empty: none
     */
    public record Security(
            @DefaultValue("PLAINTEXT") String protocol,
            @DefaultValue("SCRAM-SHA-512") String saslMechanism,
            @DefaultValue("") String truststoreLocation,
            @DefaultValue("PKCS12") String truststoreType,
            @DefaultValue("") String keystoreLocation,
            @DefaultValue("PKCS12") String keystoreType) {
    }

    /**
     * @param replicationFactor -1: the broker's default (1 in the embedded mode)
     */
    public record Topics(
            @DefaultValue("verbeterdoelen.drafts.v1") String drafts,
            @DefaultValue("verbeterhub.rejections.v1") String rejections,
            @DefaultValue("verbeterhub.records.v1") String records,
            @DefaultValue("verbeterhub.extracts.v1") String extracts,
            @DefaultValue("6") int partitions,
            @DefaultValue("-1") short replicationFactor,
            @DefaultValue("-1") int minInsyncReplicas,
            @DefaultValue("P30D") Duration rejectionsRetention) {
    }

    /** @param maxLineBytes a longer physical line makes the file unusable */
    public record Csv(@DefaultValue("1048576") long maxLineBytes) {
    }

    /** @param cacheSize patient pseudonyms remembered per extract */
    public record Pseudonym(@DefaultValue("100000") int cacheSize) {
    }

    /** @param minimumGroupSize the small-group {@code k} of domain.md §3; 1 switches it off */
    public record DraftSettings(@DefaultValue("1") int minimumGroupSize) {
    }

    /**
     * Scales added to (or overriding) the national defaults, and extra aliases.
     */
    public record Pain(Map<String, Scale> scales, Map<String, String> aliases) {

        public PainScales toScales() {
            PainScales defaults = PainScales.defaults();
            if ((scales == null || scales.isEmpty()) && (aliases == null || aliases.isEmpty())) {
                return defaults;
            }
            List<PainScale> all = new ArrayList<>();
            for (PainScale scale : defaults.all()) {
                if (scales == null || !scales.containsKey(scale.name())) all.add(scale);
            }
            if (scales != null) scales.forEach((name, s) -> all.add(s.toScale(name)));
            Map<String, String> allAliases = new java.util.HashMap<>(Map.of("VAS", "VAS100"));
            if (aliases != null) allAliases.putAll(aliases);
            return new PainScales(all, allAliases);
        }
    }

    public record Scale(BigDecimal min, BigDecimal max, @DefaultValue("true") boolean wholeNumbers,
                        BigDecimal action, BigDecimal severe, @DefaultValue("false") boolean observation) {

        PainScale toScale(String name) {
            if (min == null || max == null || action == null) {
                throw new IllegalArgumentException("pain scale " + name + " needs min, max and action");
            }
            return new PainScale(name, min, max, wholeNumbers, action, severe, observation);
        }
    }

    /**
     * @param vbiScores VBI scores by intervention code, added to or overriding the default table (domain.md §6):
     *     a SNOMED code, or {@code system|code}, → 1 to 5
     * @param maxResourceBytes an NDJSON line longer than this is no parsable resource
     */
    public record Fhir(Map<String, Integer> vbiScores, @DefaultValue("16777216") int maxResourceBytes) {

        public VbiScores toVbiScores() {
            return VbiScores.defaults().with(vbiScores);
        }
    }

    /**
     * @param pollDelay default time between two looks at an inbox
     * @param doneRetention how long raw extracts stay in {@code .done/} and {@code .error/}
     * @param maxRetryDelayMs the longest back-off between two attempts after a retriable failure
     * @param readLock how long a FHIR delivery (every file of a bulk export's folder) must stay unchanged before it is read
     */
    public record Inbox(@DefaultValue("PT0.25S") Duration pollDelay, @DefaultValue("P90D") Duration doneRetention,
                        @DefaultValue("30000") long maxRetryDelayMs, @DefaultValue("PT0.2S") Duration readLock) {
    }
}
