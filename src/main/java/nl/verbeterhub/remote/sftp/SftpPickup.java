package nl.verbeterhub.remote.sftp;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.connector.SourceSettings;
import nl.verbeterhub.failure.Failure;
import nl.verbeterhub.failure.FailureClassifier;
import nl.verbeterhub.inbox.InboxHandler;
import nl.verbeterhub.remote.PullStatus;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.apache.camel.component.file.remote.RemoteFilePollingConsumerPollStrategy;
import org.apache.camel.component.file.remote.SftpEndpoint;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.support.BridgeExceptionHandlerToErrorHandler;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.LoggingExceptionHandler;

/**
 * The SFTP pickup of one {@code sftp-inbox} connector, bound in Camel's registry as {@code sftp-<id>} and named
 * by its pull route (routes/sftp.camel.yaml) as the consumer's poll strategy, file filter and exception handler:
 * <ul>
 * <li>before each poll it gives the endpoint the password and private key read from the environment variables
 *     the connector names: they never are in an endpoint URI, a route or a log line;</li>
 * <li>it skips what is still being uploaded under a temporary name, and what the connector's format does not
 *     deliver (sub-folders for CSV; deeper folders for FHIR);</li>
 * <li>after each poll it renames the bulk-export folders that arrived whole into the inbox;</li>
 * <li>a failure of the consumer itself (connect, host key, login, listing, download) is handed to the route's
 *     error handler, {@code sftp-pull-failures}, with the connector named, as a {@code RemoteSourceException}.</li>
 * </ul>
 */
public final class SftpPickup extends RemoteFilePollingConsumerPollStrategy implements GenericFileFilter<Object>, ExceptionHandler {

    private final String connector;
    private final SourceSettings.Sftp settings;
    private final boolean folders;
    private final SftpDelivery delivery;
    private final Function<String, String> environment;
    private final FailureClassifier classifier;
    private final PullStatus pullStatus;
    private volatile ExceptionHandler bridge;
    private volatile Endpoint endpoint;
    /** This poll's files in remote sub-folders: folder → names seen, and those taken. */
    private final Map<String, Set<String>> seen = new HashMap<>();
    private final Map<String, Set<String>> taken = new HashMap<>();

    SftpPickup(ConnectorConfig c, Function<String, String> environment, FailureClassifier classifier, PullStatus pullStatus) {
        this.connector = c.id();
        this.settings = (SourceSettings.Sftp) c.settings();
        this.folders = c.readsFhir();
        this.delivery = new SftpDelivery(c.id(), c.inbox());
        this.environment = environment;
        this.classifier = classifier;
        this.pullStatus = pullStatus;
    }

    // --- poll strategy

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        if (bridge == null && consumer instanceof DefaultConsumer d) {
            this.endpoint = endpoint;
            bridge = new BridgeExceptionHandlerToErrorHandler(d);
        }
        synchronized (this) {
            seen.clear();
            taken.clear();
        }
        // Read at each poll, so that a rotated secret is used at the next login; unset stays unset (login then fails).
        var configuration = ((SftpEndpoint) endpoint).getConfiguration();
        configuration.setPassword(settings.passwordEnv().map(environment).filter(v -> !blank(v)).orElse(null));
        configuration.setPrivateKey(settings.privateKeyEnv().map(environment).filter(v -> !blank(v))
                .map(v -> v.getBytes(StandardCharsets.UTF_8)).orElse(null));
        return super.begin(consumer, endpoint);
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        super.commit(consumer, endpoint, polledMessages);
        Set<String> leftBehind = new HashSet<>();
        synchronized (this) {
            seen.forEach((folder, names) -> {
                if (!taken.getOrDefault(folder, Set.of()).containsAll(names)) leftBehind.add(folder);
            });
        }
        delivery.finishFolders(leftBehind);
        // The server answered: whatever the pull was waiting for is over.
        pullStatus.succeeded(connector);
    }

    // --- filter

    @Override
    public boolean accept(GenericFile<Object> file) {
        String relative = file.getRelativeFilePath().replace('\\', '/');
        int depth = relative.split("/").length;
        if (file.isDirectory()) return folders && depth == 1 && !underway(file.getFileNameOnly());
        if (depth > (folders ? 2 : 1)) return false;
        if (depth == 2) {
            // Seen before it is judged: a file of the folder still being uploaded (Patient.ndjson.part) keeps the
            // whole folder waiting, instead of the folder being handed over without it.
            synchronized (this) {
                seen.computeIfAbsent(relative.substring(0, relative.indexOf('/')), f -> new HashSet<>()).add(relative);
            }
        }
        return !underway(file.getFileNameOnly());
    }

    /** Temporary names of uploads under way (and Excel's owner files), as the local inbox skips them. */
    static boolean underway(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.startsWith(".") || n.startsWith("~$") || n.endsWith(".tmp") || n.endsWith(".part") || n.endsWith(".partial")
                || n.endsWith(".filepart") || n.endsWith(".inprogress");
    }

    // --- the route's step

    /** Moves the file Camel downloaded into the local inbox (or its folder's staging area). */
    public void deliver(Exchange exchange) {
        String relative = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class).replace('\\', '/');
        String local = exchange.getIn().getHeader(Exchange.FILE_LOCAL_WORK_PATH, String.class);
        if (local == null) throw new IllegalStateException("the SFTP consumer must download into a local work directory");
        delivery.deliver(relative, Path.of(local));
        if (relative.contains("/")) {
            synchronized (this) {
                taken.computeIfAbsent(relative.substring(0, relative.indexOf('/')), f -> new HashSet<>()).add(relative);
            }
        }
    }

    // --- exception handler

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        ExceptionHandler handler = bridge;
        Throwable failure = SftpFailures.translate(exception, settings, environment);
        if (handler == null) {
            new LoggingExceptionHandler(null, SftpPickup.class).handleException(connector + ": " + failure.getMessage(), failure);
            return;
        }
        Exchange e = exchange != null ? exchange : endpoint.createExchange();
        e.getIn().setHeader(InboxHandler.CONNECTOR_HEADER, connector);
        e.setException(failure);
        // A bridged failure is never redelivered, so the retry notifier would not run: health learns it here.
        if (classifier.classify(failure) == Failure.RETRIABLE) pullStatus.retrying(e);
        handler.handleException(failure.getMessage(), e, failure);
    }

    String connector() {
        return connector;
    }

    Path workDirectory() {
        return delivery.workDirectory();
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
