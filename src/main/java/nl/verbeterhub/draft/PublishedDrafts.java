package nl.verbeterhub.draft;

import nl.verbeterhub.json.HubJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import nl.verbeterhub.kafka.KafkaEndpoints;
import nl.verbeterhub.kafka.TopicScan;

/**
 * The content hash of the last value published per draft key, read back from the drafts topic at
 * start-up, so that a value is published only when its content changed — across restarts too.
 */
public final class PublishedDrafts {

    private final Map<String, String> hashes = new ConcurrentHashMap<>();
    /** The values themselves, for the console and the API: a few KiB per hospital, theme and year. */
    private final Map<String, ObjectNode> values = new ConcurrentHashMap<>();

    /** Reads the drafts topic from its beginning to its end. */
    public void load(KafkaEndpoints endpoints) throws IOException {
        refresh(endpoints, agb -> true);
    }

    /**
     * Reads the drafts topic anew for the hospitals {@code which} selects: a hospital taken over from
     * another instance continues from what that instance published.
     */
    public void refresh(KafkaEndpoints endpoints, Predicate<String> which) throws IOException {
        Map<String, ObjectNode> live = new HashMap<>();
        try {
            TopicScan.fromBeginningToEnd(endpoints.intake(), endpoints.security(), endpoints.topics().drafts(), r -> {
                if (!which.test(agbOf(r.key()))) return;
                if (r.value() == null) {
                    live.remove(r.key());
                } else {
                    live.put(r.key(), read(r.value()));
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        hashes.keySet().removeIf(key -> which.test(agbOf(key)) && !live.containsKey(key));
        values.keySet().removeIf(key -> which.test(agbOf(key)) && !live.containsKey(key));
        live.forEach((key, value) -> {
            hashes.put(key, value.path("contentHash").asText());
            values.put(key, value);
        });
    }

    private static String agbOf(String key) {
        int colon = key.indexOf(':');
        return colon < 0 ? key : key.substring(0, colon);
    }

    private static ObjectNode read(byte[] draft) {
        try {
            return (ObjectNode) HubJson.MAPPER.readTree(draft);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String hash(String key) {
        return hashes.get(key);
    }

    public void published(Draft draft) {
        hashes.put(draft.key(), draft.contentHash());
        values.put(draft.key(), draft.value());
    }

    public void tombstoned(String key) {
        hashes.remove(key);
        values.remove(key);
    }

    /** The live drafts of one hospital, by key ({@code agb:theme:year}), in key order. */
    public SortedMap<String, ObjectNode> drafts(String agb) {
        SortedMap<String, ObjectNode> found = new TreeMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(agb + ":")) found.put(key, value);
        });
        return found;
    }

    /** Keys with a live value that start with {@code prefix} ({@code agb:theme:}). */
    public Set<String> keysStartingWith(String prefix) {
        return hashes.keySet().stream().filter(k -> k.startsWith(prefix)).collect(Collectors.toSet());
    }

    public Set<String> keys() {
        return Set.copyOf(hashes.keySet());
    }
}
