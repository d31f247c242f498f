package nl.verbeterhub.ops;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import nl.verbeterhub.extract.ExtractSink;
import nl.verbeterhub.extract.Rejection;
import nl.verbeterhub.state.StateKey;
import nl.verbeterhub.theme.Theme;

/**
 * What operators see of extracts besides their commit markers: the one each connector is reading now
 * (records so far), and the first rejections of its recent extracts — reason, position, field, never
 * content. Kept in memory: after a restart the counts by reason (in the commit markers) remain, the
 * samples start again.
 */
public final class ExtractActivity {

    /** Rejections kept per extract, and extracts kept per connector. */
    public static final int SAMPLES = 100;
    private static final int EXTRACTS = 20;

    /** An extract being read: how far it is. */
    public record Running(String connector, String name, Instant startedAt, long records) {
    }

    private final Clock clock;
    private final Map<String, RunningExtract> running = new ConcurrentHashMap<>();
    /** Per connector, per extract SHA-256 (oldest first), its first rejections. */
    private final Map<String, Map<String, List<Rejection>>> samples = new ConcurrentHashMap<>();

    public ExtractActivity(Clock clock) {
        this.clock = clock;
    }

    /** The sink to hand the ingest instead of {@code sink}: counts records and samples rejections as they pass. */
    public ExtractSink observe(String connector, String name, String sha256, ExtractSink sink) {
        RunningExtract extract = new RunningExtract(connector, name, clock.instant(), sample(connector, sha256), sink);
        running.put(connector, extract);
        return extract;
    }

    /** The extract of this connector is done (committed, refused or failed). */
    public void finished(String connector) {
        running.remove(connector);
    }

    public Optional<Running> running(String connector) {
        RunningExtract r = running.get(connector);
        return r == null ? Optional.empty()
                : Optional.of(new Running(r.connector, r.name, r.startedAt, r.records.get()));
    }

    /** The first rejections of one extract, if it was read since the hub started. */
    public List<Rejection> rejections(String connector, String sha256) {
        List<Rejection> kept = samples.getOrDefault(connector, Map.of()).get(sha256);
        if (kept == null) return List.of();
        synchronized (kept) {
            return List.copyOf(kept);
        }
    }

    private List<Rejection> sample(String connector, String sha256) {
        Map<String, List<Rejection>> byExtract = samples.computeIfAbsent(connector, c -> Collections.synchronizedMap(
                new LinkedHashMap<>(16, 0.75f, false) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, List<Rejection>> eldest) {
                        return size() > EXTRACTS;
                    }
                }));
        List<Rejection> kept = new ArrayList<>();
        byExtract.put(sha256, kept);
        return kept;
    }

    private static final class RunningExtract implements ExtractSink {
        final String connector;
        final String name;
        final Instant startedAt;
        final AtomicLong records = new AtomicLong();
        final List<Rejection> kept;
        final ExtractSink sink;

        RunningExtract(String connector, String name, Instant startedAt, List<Rejection> kept, ExtractSink sink) {
            this.connector = connector;
            this.name = name;
            this.startedAt = startedAt;
            this.kept = kept;
            this.sink = sink;
        }

        @Override
        public void put(StateKey key, byte[] storedRecord) {
            sink.put(key, storedRecord);
            records.incrementAndGet();
        }

        @Override
        public void remove(StateKey key) {
            sink.remove(key);
        }

        @Override
        public void reject(Rejection rejection) {
            sink.reject(rejection);
            records.incrementAndGet();
            synchronized (kept) {
                if (kept.size() < SAMPLES) kept.add(rejection);
            }
        }

        @Override
        public void started(Set<Theme> themes) {
            sink.started(themes);
        }

        @Override
        public void checkpoint() {
            sink.checkpoint();
        }
    }
}
