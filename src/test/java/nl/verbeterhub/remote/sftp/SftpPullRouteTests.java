package nl.verbeterhub.remote.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.connector.ConnectorLoader;
import nl.verbeterhub.failure.FailureClassifier;
import nl.verbeterhub.failure.RemoteSourceException;
import nl.verbeterhub.status.ConnectorStatus;
import nl.verbeterhub.remote.PullStatus;
import nl.verbeterhub.remote.RemotePulls;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.apache.camel.component.file.remote.RemoteFilePollingConsumerPollStrategy;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code sftp-inbox} pull route as routes/sftp.camel.yaml defines it, in a bare Camel context against an
 * in-process SFTP server: a delivery that fails never costs the remote file, and an export folder is handed over
 * only once every file in it was taken. The pickup's delivery step can be made to fail ({@link Pickup}).
 */
class SftpPullRouteTests {

    private static final String PASSWORD = "route-test-secret";
    private static final String ID = "sftp-route";

    @TempDir
    Path root;

    private Path served;
    private Path inbox;
    private EmbeddedSftpServer server;
    private DefaultCamelContext camel;
    private Pickup pickup;

    @BeforeEach
    void start() throws Exception {
        served = Files.createDirectories(root.resolve("served/out"));
        inbox = root.resolve("inbox");
        server = EmbeddedSftpServer.start(root.resolve("served"), "hub", PASSWORD, EmbeddedSftpServer.keyPair("EC", 256).getPublic());
        Path knownHosts = Files.writeString(root.resolve("known_hosts"), server.knownHostsLine(server.port()) + "\n");
        Path connectors = Files.createDirectories(root.resolve("connectors"));
        Files.writeString(connectors.resolve(ID + ".yaml"), "id: " + ID + "\n"
                + "hospital: {agb: \"06019917\", name: Testziekenhuis}\n"
                + "type: sftp-inbox\nformat: fhir\ninbox: " + inbox + "\n"
                + "host: " + EmbeddedSftpServer.HOST + "\nport: " + server.port() + "\npath: out\nuser: hub\n"
                + "passwordEnv: SFTP_ROUTE_PASSWORD\nknownHosts: " + knownHosts + "\npollInterval: PT1S\n");
        ConnectorConfig c = ConnectorLoader.load(connectors, Duration.ofMillis(250)).get(0);

        Clock clock = Clock.systemUTC();
        FailureClassifier classifier = new FailureClassifier();
        PullStatus pullStatus = new PullStatus(new ConnectorStatus(clock), classifier, clock);
        pickup = new Pickup(new SftpPickup(c, Map.of("SFTP_ROUTE_PASSWORD", PASSWORD)::get, classifier, pullStatus));
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("failureClassifier", classifier);
        camel.getRegistry().bind("pullStatus", pullStatus);
        camel.getRegistry().bind(SftpConfiguration.beanName(ID), pickup);
        PluginHelper.getRoutesLoader(camel).loadRoutes(PluginHelper.getResourceLoader(camel).resolveResource("file:routes/sftp.camel.yaml"));
        camel.start();
        camel.addRouteFromTemplate("pull-" + ID, "sftp-inbox", RemotePulls.parameters(c));
        camel.getRouteController().startRoute("pull-" + ID);
    }

    @AfterEach
    void stop() throws IOException {
        camel.stop();
        server.close();
    }

    @Test
    void aDeliveryThatFailsInAnUnforeseenWayLeavesTheRemoteFileForALaterPoll() throws Exception {
        pickup.failure = new IllegalStateException("unforeseen");
        Path remote = Files.writeString(served.resolve("Patient.ndjson"), "{\"resourceType\":\"Patient\",\"id\":\"p-1\"}\n");

        await().atMost(Duration.ofSeconds(30)).until(() -> pickup.deliveries.get() >= 2);
        assertThat(remote).as("taken again by the next poll, so still there").exists();
        assertThat(inbox.resolve("Patient.ndjson")).doesNotExist();

        pickup.failure = null;
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(inbox.resolve("Patient.ndjson")));
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(remote));
    }

    @Test
    void aRetryCutShortByTheRouteStoppingLeavesTheRemoteFile() throws Exception {
        pickup.failure = new RemoteSourceException.Unavailable("the local inbox cannot take the delivery (test)", null);
        Path remote = Files.writeString(served.resolve("Patient.ndjson"), "{\"resourceType\":\"Patient\",\"id\":\"p-1\"}\n");

        // The first attempt and a redelivery a second later: the route is retrying.
        await().atMost(Duration.ofSeconds(30)).until(() -> pickup.deliveries.get() >= 2);
        // As a pause, a run now or a shutdown does it.
        camel.getRouteController().stopRoute("pull-" + ID, 30, TimeUnit.SECONDS);
        assertThat(remote).exists();
        assertThat(inbox.resolve("Patient.ndjson")).doesNotExist();
    }

    @Test
    void anExportFolderWithAFileStillUploadingUnderATemporaryNameWaitsForIt() throws Exception {
        Path export = Files.createDirectories(served.resolve("export-7"));
        Files.writeString(export.resolve("Observation.ndjson"), "{\"resourceType\":\"Observation\",\"id\":\"o-1\"}\n");
        Files.writeString(export.resolve("Patient.ndjson.part"), "{\"resourceType\":\"Patient\",");

        // The complete file is taken and staged; the folder waits for the one being uploaded.
        await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(export.resolve("Observation.ndjson")));
        int polls = pickup.polls.get();
        await().atMost(Duration.ofSeconds(30)).until(() -> pickup.polls.get() >= polls + 2);
        assertThat(inbox.resolve("export-7")).doesNotExist();
        assertThat(inbox.resolve(SftpDelivery.STAGED).resolve("export-7/Observation.ndjson")).exists();

        Files.writeString(export.resolve("Patient.ndjson.part"), "\"id\":\"p-1\"}\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        Files.move(export.resolve("Patient.ndjson.part"), export.resolve("Patient.ndjson"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(inbox.resolve("export-7")));
        assertThat(SftpFixture.list(inbox.resolve("export-7"))).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("Observation.ndjson", "Patient.ndjson");
        assertThat(inbox.resolve("export-7/Patient.ndjson")).hasContent("{\"resourceType\":\"Patient\",\"id\":\"p-1\"}");
    }

    /** The connector's pickup, whose delivery step fails with {@link #failure} while it is set. */
    public static final class Pickup extends RemoteFilePollingConsumerPollStrategy implements GenericFileFilter<Object>,
            ExceptionHandler {

        private final SftpPickup real;
        final AtomicInteger deliveries = new AtomicInteger();
        final AtomicInteger polls = new AtomicInteger();
        volatile RuntimeException failure;

        Pickup(SftpPickup real) {
            this.real = real;
        }

        public void deliver(Exchange exchange) {
            deliveries.incrementAndGet();
            RuntimeException f = failure;
            if (f != null) throw f;
            real.deliver(exchange);
        }

        @Override
        public boolean begin(Consumer consumer, Endpoint endpoint) {
            return real.begin(consumer, endpoint);
        }

        @Override
        public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
            real.commit(consumer, endpoint, polledMessages);
            polls.incrementAndGet();
        }

        @Override
        public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) throws Exception {
            return real.rollback(consumer, endpoint, retryCounter, cause);
        }

        @Override
        public boolean accept(GenericFile<Object> file) {
            return real.accept(file);
        }

        @Override
        public void handleException(Throwable exception) {
            real.handleException(exception);
        }

        @Override
        public void handleException(String message, Throwable exception) {
            real.handleException(message, exception);
        }

        @Override
        public void handleException(String message, Exchange exchange, Throwable exception) {
            real.handleException(message, exchange, exception);
        }
    }
}
