package nl.verbeterhub.draft;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import nl.verbeterhub.kafka.TopicScan;

/**
 * The content hash of the last value published per draft key, read back from the drafts topic at
 * start-up, so that a value is published only when its content changed — across restarts too.
 */
public final class PublishedDrafts {

    private final Map<String, String> hashes = new ConcurrentHashMap<>();

    /** Reads the drafts topic from its beginning to its end. */
    public void load(String bootstrapServers, String topic) throws IOException {
        hashes.clear();
        try {
            TopicScan.fromBeginningToEnd(bootstrapServers, topic, r -> {
                if (r.value() == null) {
                    hashes.remove(r.key());
                } else {
                    hashes.put(r.key(), contentHash(r.value()));
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String contentHash(byte[] draft) {
        try {
            return DraftJson.MAPPER.readTree(draft).path("contentHash").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String hash(String key) {
        return hashes.get(key);
    }

    public void published(String key, String contentHash) {
        hashes.put(key, contentHash);
    }

    public void tombstoned(String key) {
        hashes.remove(key);
    }

    /** Keys with a live value that start with {@code prefix} ({@code agb:theme:}). */
    public Set<String> keysStartingWith(String prefix) {
        return hashes.keySet().stream().filter(k -> k.startsWith(prefix)).collect(Collectors.toSet());
    }

    public Set<String> keys() {
        return Set.copyOf(hashes.keySet());
    }
}
