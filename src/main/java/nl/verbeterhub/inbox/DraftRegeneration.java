package nl.verbeterhub.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import nl.verbeterhub.draft.DraftService;
import nl.verbeterhub.health.ConnectorStatus;
import nl.verbeterhub.theme.Theme;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Regenerates a hospital's drafts once the local state holds a committed extract — a step of its own:
 * by then the extract is durable and in {@code .done/}, so a failure here (a broker away, a state that
 * lags, a fault in a calculator) is nobody's poison file. It is retried with back-off until it succeeds
 * ({@code drafts-retry} route), and health shows the connector's drafts as stale meanwhile.
 */
public final class DraftRegeneration {

    private static final Logger LOG = LoggerFactory.getLogger(DraftRegeneration.class);
    private static final Duration APPLY_WAIT = Duration.ofMinutes(5);
    private static final Duration RETRY_APPLY_WAIT = Duration.ofSeconds(1);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

    /** Waits until the local state holds everything up to these offsets of the record-state topic. */
    @FunctionalInterface
    public interface AppliedState {
        void awaitApplied(Map<Integer, Long> lastOffsets, Duration timeout) throws TimeoutException, InterruptedException;
    }

    private final AppliedState applier;
    private final DraftService drafts;
    private final ConnectorStatus status;
    private final Clock clock;
    private final Duration maxRetryDelay;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    /** A hospital's regeneration still owed, merged over the extracts that asked for it. */
    private static final class Pending {
        final Set<Theme> themes = EnumSet.noneOf(Theme.class);
        final Set<String> connectors = new HashSet<>();
        final Map<Integer, Long> offsets = new HashMap<>();
        Duration delay = FIRST_RETRY;
        Instant nextAttempt;
    }

    public DraftRegeneration(AppliedState applier, DraftService drafts, ConnectorStatus status, Clock clock,
                             Duration maxRetryDelay) {
        this.applier = applier;
        this.drafts = drafts;
        this.status = status;
        this.clock = clock;
        this.maxRetryDelay = maxRetryDelay;
    }

    /** After an extract: regenerate now, or owe it. Never throws: the extract itself is done. */
    public void afterExtract(String connector, ExtractOutcome outcome) {
        try {
            applier.awaitApplied(outcome.lastRecordOffsets(), APPLY_WAIT);
            drafts.regenerate(outcome.agb(), outcome.themes());
            status.draftsRegenerated(connector);
        } catch (Exception e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            owe(connector, outcome, e);
        }
    }

    private void owe(String connector, ExtractOutcome outcome, Exception cause) {
        Pending p = pending.computeIfAbsent(outcome.agb(), agb -> new Pending());
        synchronized (p) {
            p.themes.addAll(outcome.themes());
            p.connectors.add(connector);
            outcome.lastRecordOffsets().forEach((partition, offset) -> p.offsets.merge(partition, offset, Math::max));
            p.nextAttempt = clock.instant().plus(p.delay);
        }
        status.draftsFailing(connector, cause.getClass().getSimpleName(), clock.instant());
        // The class only: a message may quote data.
        LOG.warn("{}: regenerating the drafts of {} failed ({}); retrying", connector, outcome.agb(),
                cause.getClass().getSimpleName());
    }

    /** Retries what is owed and due; run by the {@code drafts-retry} route. @return regenerations that succeeded */
    public int retryDue() {
        int done = 0;
        Instant now = clock.instant();
        for (Map.Entry<String, Pending> e : pending.entrySet()) {
            Pending p = e.getValue();
            synchronized (p) {
                if (p.nextAttempt.isAfter(now)) continue;
                try {
                    applier.awaitApplied(p.offsets, RETRY_APPLY_WAIT);
                    drafts.regenerate(e.getKey(), p.themes);
                    pending.remove(e.getKey());
                    p.connectors.forEach(status::draftsRegenerated);
                    LOG.info("Drafts of {} regenerated on a retry", e.getKey());
                    done++;
                } catch (Exception failure) {
                    if (failure instanceof InterruptedException) Thread.currentThread().interrupt();
                    p.delay = p.delay.multipliedBy(2).compareTo(maxRetryDelay) > 0 ? maxRetryDelay : p.delay.multipliedBy(2);
                    p.nextAttempt = now.plus(p.delay);
                    String why = failure.getClass().getSimpleName();
                    p.connectors.forEach(c -> status.draftsFailing(c, why, now));
                }
            }
        }
        return done;
    }

    /** Hospitals whose drafts are owed a regeneration. */
    public Set<String> owed() {
        return Set.copyOf(pending.keySet());
    }
}
