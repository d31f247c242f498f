package nl.verbeterhub.remote;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import nl.verbeterhub.failure.FailureClassifier;
import nl.verbeterhub.failure.RemoteSourceException;
import nl.verbeterhub.status.ConnectorStatus;
import nl.verbeterhub.inbox.InboxHandler;
import nl.verbeterhub.ops.ConnectorOverview;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the pull routes report to health (routes/remote.camel.yaml): a source that is unavailable (retrying,
 * since when and why), one that refused the connector (its pull stopped: DOWN, with the reason), and a
 * server's {@code Retry-After}, before which no pull of that connector sends a request.
 */
public final class PullStatus {

    private static final Logger LOG = LoggerFactory.getLogger(PullStatus.class);

    private final ConnectorStatus status;
    private final FailureClassifier classifier;
    private final Clock clock;
    private final Map<String, Instant> notBefore = new ConcurrentHashMap<>();
    /** Connectors whose pull is retrying: only their retrying status is the pull's to clear (the inbox route has its own). */
    private final Set<String> pullRetrying = ConcurrentHashMap.newKeySet();
    private final ExecutorService stopper = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pull-stopper");
        t.setDaemon(true);
        return t;
    });

    public PullStatus(ConnectorStatus status, FailureClassifier classifier, Clock clock) {
        this.status = status;
        this.classifier = classifier;
        this.clock = clock;
    }

    /**
     * For the pull routes' error handler: whether the failure is worth a retry, noted when it happens (not
     * only before the next attempt), so that a server's {@code Retry-After} counts from its answer.
     */
    public boolean isRetriable(Exchange exchange) {
        boolean retriable = classifier.isRetriable(exchange);
        if (retriable) retrying(exchange);
        return retriable;
    }

    /** Throws {@link RemoteSourceException.Unavailable} while the source's {@code Retry-After} lasts. */
    public void checkReady(String connector) {
        Instant until = notBefore.get(connector);
        if (until != null && clock.instant().isBefore(until)) {
            throw new RemoteSourceException.Unavailable("waiting until " + until + " as the server asked (Retry-After)", null);
        }
    }

    /** A pull failed and will be tried again: health says why, and no request goes out before its Retry-After. */
    public void retrying(Exchange exchange) {
        String connector = connector(exchange);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (cause == null) cause = exchange.getException();
        retryAfter(cause).ifPresent(d -> notBefore.merge(connector, clock.instant().plus(d),
                (a, b) -> a.isAfter(b) ? a : b));
        status.retrying(connector, cause == null ? "unknown" : FailureClassifier.describe(cause), clock.instant());
        pullRetrying.add(connector);
    }

    /** The pull went through: whatever it waited for is over. */
    public void succeeded(Exchange exchange) {
        succeeded(connector(exchange));
    }

    /** The source answered the connector's pull (an SFTP poll that went through). */
    public void succeeded(String connector) {
        notBefore.remove(connector);
        if (pullRetrying.remove(connector)) status.recovered(connector);
        status.started(connector);
    }

    /**
     * The source refuses the connector: its pull route stops (from another thread: a route cannot wait for
     * its own exchange to end) and health shows why until an operator resumes it.
     */
    public void stop(Exchange exchange) {
        String connector = connector(exchange);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String why = cause == null ? "refused" : FailureClassifier.describe(cause);
        status.stopped(connector, why, clock.instant());
        LOG.error("{}: the source refused the pull ({}); the connector is stopped until an operator resumes it", connector, why);
        var routes = exchange.getContext().getRouteController();
        stopper.execute(() -> {
            try {
                routes.stopRoute(ConnectorOverview.pullRouteId(connector), 30, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.error("{}: its pull route could not be stopped ({})", connector, e.getClass().getSimpleName());
            }
        });
    }

    /** Something unforeseen: reported, and the next scheduled pull tries again. */
    public void failed(Exchange exchange) {
        String connector = connector(exchange);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String why = cause == null ? "unknown" : FailureClassifier.describe(cause);
        status.retrying(connector, why, clock.instant());
        pullRetrying.add(connector);
        // Without the stack trace: a parser's or a URI's message can quote a URL, and URLs hold record ids.
        LOG.error("{}: the pull failed ({}); the next scheduled pull tries again", connector, why);
    }

    private static Optional<Duration> retryAfter(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RemoteSourceException.Unavailable u) return u.retryAfter();
        }
        return Optional.empty();
    }

    private static String connector(Exchange exchange) {
        return exchange.getMessage().getHeader(InboxHandler.CONNECTOR_HEADER, String.class);
    }
}
