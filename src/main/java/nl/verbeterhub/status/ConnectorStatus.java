package nl.verbeterhub.status;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What each connector did last, for operators: counts and kinds of failure, never content. */
public final class ConnectorStatus {

    /** The last known state of one connector. */
    public static final class Entry {
        volatile Instant lastCommit;
        volatile long committed;
        volatile long redeliveries;
        volatile Instant lastRedelivery;
        volatile long quarantined;
        volatile String retrying;
        volatile Instant retryingSince;
        /** The retry waits for the brokers, not for the connector's own source. */
        volatile boolean retryingOnBrokers;
        volatile String lastQuarantineReason;
        volatile String draftsFailing;
        volatile String stopped;
        volatile Instant stoppedSince;
        volatile Instant draftsFailingSince;

        Map<String, Object> details() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("extractsCommitted", committed);
            d.put("redeliveriesSkipped", redeliveries);
            d.put("filesMovedToError", quarantined);
            if (lastCommit != null) d.put("lastCommit", lastCommit.toString());
            if (lastQuarantineReason != null) d.put("lastErrorReason", lastQuarantineReason);
            if (retrying != null) {
                d.put("retrying", retrying);
                d.put("retryingSince", retryingSince.toString());
            }
            if (stopped != null) d.put("stopped", Map.of("why", stopped, "since", stoppedSince.toString()));
            if (draftsFailing != null) {
                // The extract is committed, its drafts are not (yet) regenerated: the published ones are stale.
                d.put("draftRegeneration", Map.of("failing", draftsFailing, "since", draftsFailingSince.toString()));
            }
            return d;
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    public ConnectorStatus(Clock clock) {
        this.clock = clock;
    }

    public ConnectorStatus() {
        this(Clock.systemUTC());
    }

    private Entry entry(String connector) {
        return entries.computeIfAbsent(connector, c -> new Entry());
    }

    public void committed(String connector, Instant at) {
        Entry e = entry(connector);
        e.committed++;
        e.lastCommit = at;
        e.retrying = null;
    }

    public void redelivery(String connector) {
        Entry e = entry(connector);
        e.redeliveries++;
        e.lastRedelivery = clock.instant();
        e.retrying = null;
    }

    public void quarantined(String connector, String reason) {
        Entry e = entry(connector);
        e.quarantined++;
        e.lastQuarantineReason = reason;
        e.retrying = null;
    }

    /** A retry that waits for the brokers: the hub's health is DOWN meanwhile (domain.md §8). */
    public void retrying(String connector, String why, Instant now, boolean onBrokers) {
        retrying(connector, why, now);
        entry(connector).retryingOnBrokers = onBrokers;
    }

    /** Whether this connector's retry waits for the brokers. */
    public boolean retryingOnBrokers(String connector) {
        Entry e = entry(connector);
        return e.retrying != null && e.retryingOnBrokers;
    }

    public void retrying(String connector, String why, Instant now) {
        Entry e = entry(connector);
        if (e.retrying == null) e.retryingSince = now;
        e.retrying = why;
        e.retryingOnBrokers = false;
    }

    public void draftsFailing(String connector, String why, Instant now) {
        Entry e = entry(connector);
        if (e.draftsFailing == null) e.draftsFailingSince = now;
        e.draftsFailing = why;
    }

    public void draftsRegenerated(String connector) {
        entry(connector).draftsFailing = null;
    }

    public boolean draftsFailing(String connector) {
        return entry(connector).draftsFailing != null;
    }

    /** A remote source refused the connector: its pull is stopped until an operator resumes it. */
    public void stopped(String connector, String why, Instant now) {
        Entry e = entry(connector);
        e.stopped = why;
        e.stoppedSince = now;
        e.retrying = null;
    }

    /** Why a remote source stopped the connector, or null. */
    public String stopped(String connector) {
        return entry(connector).stopped;
    }

    /** A pull (re)started: a stop reason no longer applies. */
    public void started(String connector) {
        entry(connector).stopped = null;
    }

    public void recovered(String connector) {
        entry(connector).retrying = null;
    }

    public Map<String, Object> details(String connector) {
        return entry(connector).details();
    }

    /** When this connector last delivered an extract that was already committed, since the hub started. */
    public Instant lastRedelivery(String connector) {
        return entry(connector).lastRedelivery;
    }

    /** Why it waits to retry, or null. */
    public String retrying(String connector) {
        return entry(connector).retrying;
    }

    public boolean isRetrying(String connector) {
        return entry(connector).retrying != null;
    }
}
