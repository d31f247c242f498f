package nl.verbeterhub.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.connector.ConnectorType;
import nl.verbeterhub.connector.Connectors;
import nl.verbeterhub.connector.SourceSettings;
import nl.verbeterhub.extract.UnusableFileException;
import nl.verbeterhub.extract.UnusableFileException.Reason;
import nl.verbeterhub.status.ConnectorStatus;
import nl.verbeterhub.support.InboxFolders;
import nl.verbeterhub.support.MovableClock;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The inbox steps where nothing is read: a symbolic link refused, a failure before there is a file. */
class InboxHandlerTests {

    @TempDir
    Path dir;

    private Path inbox;
    private InboxHandler handler;
    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(InboxHandler.class);

    @BeforeEach
    void handler() throws IOException {
        inbox = Files.createDirectories(dir.resolve("inbox"));
        ConnectorConfig connector = new ConnectorConfig("pijn", "06019999", "Z", ConnectorType.CSV_INBOX, inbox, false,
                Set.of(), Duration.ofSeconds(1),
                new SourceSettings.Csv(Optional.empty(), Charset.forName("UTF-8"), Map.of()), dir.resolve("pijn.yaml"));
        // No extract service: nothing may be read on these paths.
        handler = new InboxHandler(new Connectors(List.of(connector)), null, null, new ConnectorStatus(),
                new MovableClock(Instant.parse("2026-01-05T10:00:00Z")));
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void detach() throws IOException {
        logger.detachAppender(logged);
        camel.close();
    }

    private Exchange exchange(Object body) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getIn().setHeader(InboxHandler.CONNECTOR_HEADER, "pijn");
        exchange.getIn().setBody(body);
        return exchange;
    }

    @Test
    void aCsvFileThatIsASymbolicLinkIsNotReadAndGoesToErrorWithItsReason() throws Exception {
        Path foreign = Files.createDirectories(dir.resolve("other-hospital/.done")).resolve("pijn-2026.csv");
        Files.writeString(foreign, "patient_id;measured_at;scale;value\nP1;2026-01-01 10:00;NRS;5\n");
        Path link = Files.createSymbolicLink(inbox.resolve("pijn.csv"), foreign);
        Exchange exchange = exchange(link.toFile());

        Throwable thrown = catchThrowable(() -> handler.commit(exchange));
        assertThat(thrown).isInstanceOfSatisfying(UnusableFileException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_FILE));
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, thrown);
        handler.quarantine(exchange);

        assertThat(InboxFolders.reasonFor(inbox, "pijn.csv")).isEqualTo("UNSUPPORTED_FILE: pijn.csv is a symbolic link");
        assertThat(Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
        try (Stream<Path> error = Files.list(inbox.resolve(".error"))) {
            assertThat(error.filter(Files::isSymbolicLink)).as("the link itself moved, its target untouched").hasSize(1);
        }
        assertThat(foreign).exists();
    }

    @Test
    void aFailureBeforeThereIsAFileIsLoggedByItsClassAndMovesNothing() {
        UncheckedIOException scanFailed = new UncheckedIOException(new IOException("Jan Jansen;999990019"));
        for (Object body : new Object[] {null, List.of()}) {
            Exchange exchange = exchange(body);
            exchange.setProperty(Exchange.EXCEPTION_CAUGHT, scanFailed);
            assertThatCode(() -> handler.quarantine(exchange)).doesNotThrowAnyException();
        }
        assertThat(inbox.resolve(".error")).doesNotExist();
        assertThat(logged.list).filteredOn(e -> e.getLevel() == Level.WARN).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly(
                        "pijn: looking for deliveries failed (UncheckedIOException); nothing moved, the next poll looks again",
                        "pijn: looking for deliveries failed (UncheckedIOException); nothing moved, the next poll looks again");
    }
}
