package nl.verbeterhub.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.connector.ConnectorType;
import nl.verbeterhub.connector.Connectors;
import nl.verbeterhub.connector.SourceSettings;
import nl.verbeterhub.support.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** What the FHIR inbox offers (domain.md §8, "FHIR inbox delivery"; docs/decisions.md 34, 53). */
class FhirInboxScannerTests {

    private static final Duration READ_LOCK = Duration.ofMillis(200);

    @TempDir
    Path dir;

    private Path inbox;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-05T10:00:00Z"));
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(FhirInboxScanner.class);

    @BeforeEach
    void inbox() throws IOException {
        inbox = Files.createDirectories(dir.resolve("inbox"));
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(logged);
    }

    private FhirInboxScanner scanner(FhirInboxScanner.Fingerprints fingerprints) {
        ConnectorConfig connector = new ConnectorConfig("epd", "06019999", "Z", ConnectorType.FHIR_INBOX, inbox, false,
                Set.of(), Duration.ofSeconds(1), SourceSettings.Fhir.DEFAULTS, dir.resolve("epd.yaml"));
        return new FhirInboxScanner(new Connectors(List.of(connector)), clock, READ_LOCK, fingerprints);
    }

    /** Two looks, the read-lock interval apart: what is ready then, by name. */
    private List<String> settled(FhirInboxScanner scanner) throws IOException {
        scanner.ready("epd");
        clock.advance(READ_LOCK);
        return scanner.ready("epd").stream().map(File::getName).toList();
    }

    private List<String> warnings() {
        return logged.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void aFolderWithACopyStillUnderWayInItIsNotOfferedUntilTheCopyIsRenamed() throws IOException {
        FhirInboxScanner scanner = scanner(FhirInboxScanner::fingerprint);
        Path export = Files.createDirectories(inbox.resolve("export-1"));
        Files.writeString(export.resolve("Patient.ndjson"), "{}\n");
        Files.writeString(export.resolve("Observation.ndjson.part"), "{}\n");
        Path hidden = Files.createDirectories(inbox.resolve("export-2"));
        Files.writeString(hidden.resolve("Patient.ndjson"), "{}\n");
        Files.writeString(hidden.resolve(".DS_Store"), "x");
        Files.createDirectories(hidden.resolve(".sync"));
        Files.writeString(hidden.resolve(".sync/Patient.ndjson.tmp"), "x");

        assertThat(settled(scanner)).as("hidden entries are skipped as ever").containsExactly("export-2");
        clock.advance(Duration.ofMinutes(5));
        assertThat(scanner.ready("epd")).extracting(File::getName).containsExactly("export-2");

        Files.move(export.resolve("Observation.ndjson.part"), export.resolve("Observation.ndjson"));
        assertThat(scanner.ready("epd")).extracting(File::getName).as("renamed: seen anew, not yet settled")
                .containsExactly("export-2");
        clock.advance(READ_LOCK);
        assertThat(scanner.ready("epd")).extracting(File::getName).containsExactlyInAnyOrder("export-1", "export-2");
    }

    @Test
    void linksAreDescribedNotFollowedSoADanglingOneIsOfferedAndRefusedLaterNotSkippedForever() throws IOException {
        FhirInboxScanner scanner = scanner(FhirInboxScanner::fingerprint);
        Path export = Files.createDirectories(inbox.resolve("export-1"));
        Files.createSymbolicLink(export.resolve("Observation.ndjson"), dir.resolve("elsewhere/Observation.ndjson"));
        Files.createSymbolicLink(inbox.resolve("linked.ndjson"), dir.resolve("elsewhere/gone.ndjson"));
        assertThat(settled(scanner)).containsExactlyInAnyOrder("export-1", "linked.ndjson");
        assertThat(warnings()).isEmpty();
    }

    @Test
    void anUnreadableDeliveryIsNamedInOneWarningUntilItIsReadableOrGone() throws IOException {
        Set<String> locked = new HashSet<>(Set.of("export-locked", "export-deep"));
        FhirInboxScanner scanner = scanner(p -> {
            String name = p.getFileName().toString();
            if (!locked.contains(name)) return FhirInboxScanner.fingerprint(p);
            // Files.walk reports an unreadable sub-folder lazily, wrapped.
            if (name.equals("export-deep")) throw new UncheckedIOException(new AccessDeniedException(p + "/sub"));
            throw new AccessDeniedException(p.toString());
        });
        for (String name : List.of("export-locked", "export-deep", "export-ok")) {
            Files.writeString(Files.createDirectories(inbox.resolve(name)).resolve("Patient.ndjson"), "{\"secret\":\"Jansen\"}\n");
        }
        assertThat(settled(scanner)).containsExactly("export-ok");
        scanner.ready("epd");
        scanner.ready("epd");
        assertThat(warnings()).containsExactlyInAnyOrder(
                "epd: export-locked cannot be read (AccessDeniedException); it stays in the inbox until it can",
                "epd: export-deep cannot be read (AccessDeniedException); it stays in the inbox until it can");
        assertThat(String.join("\n", warnings())).doesNotContain("Jansen").doesNotContain(inbox.toString());

        locked.remove("export-locked");
        assertThat(settled(scanner)).containsExactlyInAnyOrder("export-ok", "export-locked");
        locked.add("export-locked");
        scanner.ready("epd");
        assertThat(warnings()).as("readable in between: warned again").hasSize(3);

        Files.delete(inbox.resolve("export-deep/Patient.ndjson"));
        Files.delete(inbox.resolve("export-deep"));
        scanner.ready("epd");
        Files.createDirectories(inbox.resolve("export-deep"));
        scanner.ready("epd");
        scanner.ready("epd");
        assertThat(warnings()).as("gone in between: warned again, once").hasSize(4)
                .last().asString().startsWith("epd: export-deep cannot be read");
    }
}
