package nl.verbeterhub.draft;

import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import nl.verbeterhub.extract.ExtractLog;
import nl.verbeterhub.kafka.Ownership;
import nl.verbeterhub.metrics.HubMetrics;
import nl.verbeterhub.state.RecordStore;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.time.Amsterdam;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Regenerates a hospital's drafts from the state and publishes those whose content changed; a year
 * that lost its last record gets a tombstone. One regeneration per hospital × theme at a time, so the
 * last published value always reflects the latest state.
 */
public final class DraftService {

    private static final Logger LOG = LoggerFactory.getLogger(DraftService.class);

    private final DraftBuilder builder;
    private final DraftPublisher publisher;
    private final PublishedDrafts published;
    private final RecordStore store;
    private final ExtractLog extracts;
    private final Clock clock;
    private final HubMetrics metrics;
    private final Ownership ownership;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private volatile int generatedForYear;

    /** One process serving every hospital (tests). */
    public DraftService(DraftBuilder builder, DraftPublisher publisher, PublishedDrafts published, RecordStore store,
                        ExtractLog extracts, Clock clock) {
        this(builder, publisher, published, store, extracts, clock, HubMetrics.none(), Ownership.everything(1));
    }

    /** @param ownership the hospitals this instance serves: only theirs are published */
    public DraftService(DraftBuilder builder, DraftPublisher publisher, PublishedDrafts published, RecordStore store,
                        ExtractLog extracts, Clock clock, HubMetrics metrics, Ownership ownership) {
        this.ownership = ownership;
        this.builder = builder;
        this.publisher = publisher;
        this.published = published;
        this.store = store;
        this.extracts = extracts;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** @return how many values (drafts and tombstones) were published */
    public int regenerate(String agb, Collection<Theme> themes) {
        int sent = 0;
        for (Theme theme : themes) {
            sent += regenerate(agb, theme);
        }
        return sent;
    }

    private int regenerate(String agb, Theme theme) {
        // Another instance serves the hospital: publishing here could overtake its newer drafts.
        return ownership.whileOwning(agb, () -> regenerateOwned(agb, theme), 0);
    }

    private int regenerateOwned(String agb, Theme theme) {
        if (extracts.inProgress(agb, theme)) {
            LOG.info("Drafts of {} {} wait: an extract feeding them is half-way", agb, theme);
            return 0;
        }
        String prefix = agb + ":" + theme.name() + ":";
        ReentrantLock lock = locks.computeIfAbsent(prefix, k -> new ReentrantLock());
        lock.lock();
        try {
            int sent = 0;
            Set<String> stale = new HashSet<>(published.keysStartingWith(prefix));
            for (Draft draft : builder.build(agb, theme, clock.instant())) {
                stale.remove(draft.key());
                if (!draft.contentHash().equals(published.hash(draft.key()))) {
                    publisher.publish(draft);
                    published.published(draft);
                    metrics.draftPublished(theme);
                    sent++;
                }
            }
            for (String key : stale) {
                publisher.tombstone(key);
                published.tombstoned(key);
                metrics.draftTombstoned(theme);
                sent++;
            }
            if (sent > 0) LOG.info("Published {} value(s) for {} {}", sent, agb, theme);
            return sent;
        } finally {
            lock.unlock();
        }
    }

    /** Every hospital × theme this instance serves that has records or a published draft. */
    public int regenerateAll() {
        int sent = regenerateHospitals(agb -> true);
        generatedForYear = Amsterdam.localDate(clock.instant().getEpochSecond()).getYear();
        return sent;
    }

    /** Every hospital × theme with records or a published draft, of the hospitals {@code which} selects. */
    public int regenerateHospitals(Predicate<String> which) {
        Set<String> pairs = new HashSet<>();
        store.hospitalTypes().stream().filter(ht -> Theme.of(ht.type()) != null)
                .forEach(ht -> pairs.add(ht.agb() + ":" + Theme.of(ht.type()).name()));
        published.keys().forEach(key -> pairs.add(key.substring(0, key.lastIndexOf(':'))));
        int sent = 0;
        for (String pair : pairs) {
            int colon = pair.indexOf(':');
            String agb = pair.substring(0, colon);
            if (!which.test(agb)) continue;
            Optional<Theme> theme = Theme.values().stream().filter(t -> t.name().equals(pair.substring(colon + 1))).findFirst();
            if (theme.isPresent()) {
                sent += regenerate(agb, theme.get());
            } else {
                // Published by an instance that registers a theme this one lacks: not this instance's to change.
                LOG.warn("Drafts of {} are of theme {}, which this hub does not register; left as published", agb,
                        pair.substring(colon + 1));
            }
        }
        return sent;
    }

    /** At the turn of the year (Amsterdam) the year that ended becomes complete: regenerate everything. */
    public void regenerateWhenYearTurned() {
        int year = Amsterdam.localDate(clock.instant().getEpochSecond()).getYear();
        if (generatedForYear != 0 && year != generatedForYear) {
            LOG.info("A new year began in Amsterdam; regenerating every draft");
            regenerateAll();
        }
    }
}
