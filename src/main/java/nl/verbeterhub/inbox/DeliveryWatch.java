package nl.verbeterhub.inbox;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets someone wait for what the inbox route did with one delivery (a push upload waits for its report):
 * archived to {@code .done/} with its outcome, or moved to {@code .error/} with its reason. Only
 * deliveries someone asked about are tracked.
 */
public final class DeliveryWatch {

    /**
     * @param extract the outcome when archived; null when quarantined
     * @param reason the reason file's text when quarantined (a code and a content-free message)
     * @param errorName its name in {@code .error/} when quarantined
     */
    public record Outcome(ExtractOutcome extract, String reason, String errorName) {

        public boolean archived() {
            return extract != null;
        }
    }

    private final Map<Path, CompletableFuture<Outcome>> waiting = new ConcurrentHashMap<>();

    /** Call before the delivery appears in the inbox. */
    public CompletableFuture<Outcome> expect(Path delivered) {
        return waiting.computeIfAbsent(key(delivered), k -> new CompletableFuture<>());
    }

    public void forget(Path delivered) {
        waiting.remove(key(delivered));
    }

    void archived(Path delivered, ExtractOutcome outcome) {
        CompletableFuture<Outcome> f = waiting.remove(key(delivered));
        if (f != null) f.complete(new Outcome(outcome, null, null));
    }

    void quarantined(Path delivered, String reason, String errorName) {
        CompletableFuture<Outcome> f = waiting.remove(key(delivered));
        if (f != null) f.complete(new Outcome(null, reason, errorName));
    }

    private static Path key(Path delivered) {
        return delivered.toAbsolutePath().normalize();
    }
}
