package nl.verbeterhub.ops;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.connector.Connectors;
import nl.verbeterhub.extract.ExtractCommit;
import nl.verbeterhub.extract.ExtractLog;
import nl.verbeterhub.status.ConnectorStatus;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;

/**
 * One view of every connector for health, the API and the console: its state, its latest extract, the
 * one it is reading now. Built on demand from what the hub already keeps (no state of its own).
 */
public final class ConnectorOverview {

    /** One connector as operators see it. */
    public record Summary(ConnectorConfig connector, ConnectorState state, String route, Optional<Instant> lateSince,
                          Optional<String> retrying, Optional<ExtractCommit> latest,
                          Optional<ExtractActivity.Running> running) {
    }

    private final Connectors connectors;
    private final ConnectorStatus status;
    private final ExtractLog extracts;
    private final ExtractActivity activity;
    private final PausedConnectors paused;
    private final CamelContext camel;
    private final Clock clock;
    private final Predicate<String> servedHere;

    /** @param servedHere whether this instance serves a connector (by id) now */
    public ConnectorOverview(Connectors connectors, ConnectorStatus status, ExtractLog extracts,
                             ExtractActivity activity, PausedConnectors paused, CamelContext camel, Clock clock,
                             Predicate<String> servedHere) {
        this.servedHere = servedHere;
        this.connectors = connectors;
        this.status = status;
        this.extracts = extracts;
        this.activity = activity;
        this.paused = paused;
        this.camel = camel;
        this.clock = clock;
    }

    /** The route that reads the connector's inbox. */
    public static String routeId(String connector) {
        return "inbox-" + connector;
    }

    /** The route that fetches what a remote connector delivers into its inbox. */
    public static String pullRouteId(String connector) {
        return "pull-" + connector;
    }

    /** The connector's routes: its inbox route, and its pull route when it is remote. */
    public static List<String> routeIds(ConnectorConfig c) {
        return c.type().remote() ? List.of(routeId(c.id()), pullRouteId(c.id())) : List.of(routeId(c.id()));
    }

    /** Every connector, DOWN first, then LATE, RETRYING, PAUSED, ELSEWHERE, OK; by id within a state. */
    public List<Summary> all() {
        return connectors.all().stream().map(this::summary)
                .sorted(Comparator.comparing(Summary::state).thenComparing(s -> s.connector().id())).toList();
    }

    public Summary summary(ConnectorConfig c) {
        // The first route that is not running speaks for the connector: a stopped pull is as DOWN as a stopped inbox.
        ServiceStatus route = null;
        for (String id : routeIds(c)) {
            route = camel.getRouteController().getRouteStatus(id);
            if (route == null || !route.isStarted()) break;
        }
        Optional<ExtractCommit> latest = extracts.recent(c.id(), 1).stream().findFirst();
        Optional<Instant> lateSince = c.expect().flatMap(e -> e.lateSince(lastArrival(c.id(), latest), clock.instant()));
        Optional<String> retrying = Optional.ofNullable(status.retrying(c.id()));
        boolean isPaused = paused.isPaused(c.id());
        ConnectorState state;
        if (isPaused) state = ConnectorState.PAUSED;
        else if (!servedHere.test(c.id())) state = ConnectorState.ELSEWHERE;
        else if (route == null || !route.isStarted()) state = ConnectorState.DOWN;
        else if (lateSince.isPresent()) state = ConnectorState.LATE;
        else if (retrying.isPresent()) state = ConnectorState.RETRYING;
        else state = ConnectorState.OK;
        return new Summary(c, state, route == null ? "MISSING" : route.name(), lateSince, retrying, latest,
                activity.running(c.id()));
    }

    /** The last extract that arrived: committed (also before a restart), or re-delivered since the start. */
    private Instant lastArrival(String connector, Optional<ExtractCommit> latest) {
        Instant committed = latest.map(ExtractCommit::committedAt).orElse(null);
        Instant redelivered = status.lastRedelivery(connector);
        if (committed == null) return redelivered;
        return redelivered == null || committed.isAfter(redelivered) ? committed : redelivered;
    }
}
