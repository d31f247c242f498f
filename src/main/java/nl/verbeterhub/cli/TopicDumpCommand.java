package nl.verbeterhub.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.verbeterhub.config.HubProperties;
import nl.verbeterhub.json.HubJson;
import nl.verbeterhub.kafka.KafkaSecurity;
import nl.verbeterhub.kafka.TopicScan;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.env.StandardEnvironment;

/**
 * {@code drafts [--bootstrap-servers host:port] [--agb 06019999]}: the current draft of every key (the
 * compacted view) as a JSON array; {@code rejections …}: every rejection, one JSON object per line.
 * Reads the topic from the beginning to its end and exits.
 */
public final class TopicDumpCommand {

    public enum Which { DRAFTS, REJECTIONS }

    private final HubProperties properties;
    private final PropertyResolver environment;
    private final PrintStream out;
    private final PrintStream err;

    public TopicDumpCommand(HubProperties properties, PrintStream out, PrintStream err) {
        this(properties, new StandardEnvironment(), out, err);
    }

    /** @param environment where the Kafka secrets are read (the process environment and system properties) */
    public TopicDumpCommand(HubProperties properties, PropertyResolver environment, PrintStream out, PrintStream err) {
        this.properties = properties;
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    public int run(Which which, List<String> args) throws Exception {
        String servers = properties.kafka().embedded()
                ? "localhost:" + properties.kafka().embeddedPort() : properties.kafka().bootstrapServers();
        boolean namedCluster = !properties.kafka().embedded();
        String agb = null;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            boolean known = option.equals("--bootstrap-servers") || option.equals("--agb");
            if (!known || i + 1 == args.size()) {
                err.println(which.name().toLowerCase(Locale.ROOT) + ": " + (known ? option + " needs a value"
                        : "unknown " + (option.startsWith("-") ? "option " : "argument ") + option));
                err.println(which == Which.DRAFTS ? Help.DRAFTS_USAGE : Help.REJECTIONS_USAGE);
                return CommandLine.USAGE;
            }
            if (option.equals("--agb")) {
                agb = args.get(++i);
            } else {
                servers = args.get(++i);
                namedCluster = true;
            }
        }
        // The embedded broker is PLAINTEXT; a named cluster gets hub.kafka.security.* and the secrets of the environment.
        KafkaSecurity security;
        try {
            security = namedCluster ? KafkaSecurity.from(properties.kafka().security(), environment) : KafkaSecurity.PLAINTEXT;
        } catch (IllegalStateException e) {
            err.println(which.name().toLowerCase(Locale.ROOT) + ": " + e.getMessage());
            return 1;
        }
        String topic = which == Which.DRAFTS ? properties.kafka().topics().drafts() : properties.kafka().topics().rejections();
        Map<String, JsonNode> latest = new LinkedHashMap<>();
        String prefix = agb == null ? "" : agb + ":";
        try {
            TopicScan.fromBeginningToEnd(servers, security, topic, r -> {
                if (r.key() == null || !r.key().startsWith(prefix)) return;
                if (which == Which.REJECTIONS) {
                    out.println(new String(r.value(), StandardCharsets.UTF_8));
                } else if (r.value() == null) {
                    latest.remove(r.key());
                } else {
                    latest.put(r.key(), readTree(r.value()));
                }
            });
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            err.println("no Kafka broker answered at " + servers + " (is the hub running?)");
            return 1;
        }
        if (which == Which.DRAFTS) {
            ArrayNode array = HubJson.MAPPER.createArrayNode();
            latest.values().forEach(array::add);
            out.println(HubJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(array));
        }
        return 0;
    }

    private static JsonNode readTree(byte[] value) {
        try {
            return HubJson.MAPPER.readTree(value);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
