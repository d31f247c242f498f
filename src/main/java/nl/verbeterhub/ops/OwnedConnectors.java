package nl.verbeterhub.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.connector.Connectors;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the routes of the connectors whose hospital this instance serves, and only those: a shared inbox
 * or a scheduled pull is read by exactly one instance. A route started here clears the read-lock markers a
 * crashed instance left beside its files (Camel deletes orphan {@code .camelLock} files when a file route
 * starts), so a taken-over inbox is read again. Starting and stopping share the lock of the operators'
 * pause and resume, so that a paused connector is never started behind an operator's back.
 */
public final class OwnedConnectors {

    private static final Logger LOG = LoggerFactory.getLogger(OwnedConnectors.class);

    private final CamelContext camel;
    private final Connectors connectors;
    private final PausedConnectors paused;
    private final Duration finishExtract;
    private final Set<String> here = ConcurrentHashMap.newKeySet();

    /** @param finishExtract how long a hand-over lets an extract being read finish before its route is forced down */
    public OwnedConnectors(CamelContext camel, Connectors connectors, PausedConnectors paused, Duration finishExtract) {
        this.camel = camel;
        this.connectors = connectors;
        this.paused = paused;
        this.finishExtract = finishExtract;
    }

    /** Starts the connectors of the hospitals {@code agbs} selects, except those an operator paused. */
    public void serve(Predicate<String> agbs) {
        synchronized (paused) {
            for (ConnectorConfig c : connectors.all()) {
                if (!agbs.test(c.agb()) || !here.add(c.id())) continue;
                if (paused.isPaused(c.id())) continue;
                try {
                    for (String id : ConnectorOverview.routeIds(c)) camel.getRouteController().startRoute(id);
                    LOG.info("Connector {} runs on this instance", c.id());
                } catch (Exception e) {
                    // Health shows the route stopped (DOWN): served here, yet not running.
                    LOG.error("{}: its routes did not start ({})", c.id(), e.getClass().getSimpleName());
                }
            }
        }
    }

    /**
     * Stops the connectors of the hospitals {@code agbs} selects; an extract being read may finish first.
     * They are given up under the lock, then stopped outside it, all against one deadline, so that neither
     * an operator's pause nor one slow route holds the hand-over up beyond {@code finishExtract}.
     */
    public void leave(Predicate<String> agbs) {
        List<ConnectorConfig> leaving = new ArrayList<>();
        synchronized (paused) {
            for (ConnectorConfig c : connectors.all()) {
                if (agbs.test(c.agb()) && here.remove(c.id())) leaving.add(c);
            }
        }
        long deadline = System.nanoTime() + finishExtract.toNanos();
        for (ConnectorConfig c : leaving) {
            // The pull first: it must not deliver into an inbox nobody here reads.
            List<String> ids = new ArrayList<>(ConnectorOverview.routeIds(c));
            Collections.reverse(ids);
            for (String id : ids) {
                long left = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime()));
                try {
                    camel.getRouteController().stopRoute(id, left, TimeUnit.SECONDS);
                } catch (Exception e) {
                    LOG.error("{}: route {} did not stop cleanly ({})", c.id(), id, e.getClass().getSimpleName());
                }
            }
            LOG.info("Connector {} handed over", c.id());
        }
    }

    /** Whether this instance serves the connector's hospital now (its routes run here unless paused). */
    public boolean servedHere(String connectorId) {
        return here.contains(connectorId);
    }
}
