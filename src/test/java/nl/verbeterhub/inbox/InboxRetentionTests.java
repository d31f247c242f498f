package nl.verbeterhub.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.connector.ConnectorType;
import nl.verbeterhub.connector.Connectors;
import nl.verbeterhub.connector.SourceSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxRetentionTests {

    @TempDir
    Path dir;

    @Test
    void rawExtractsOlderThanTheRetentionAreDeletedFromDoneAndError() throws Exception {
        Instant now = Instant.parse("2026-11-22T12:00:00Z");
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path oldDone = Files.writeString(Files.createDirectories(inbox.resolve(".done")).resolve("old.csv"), "x");
        Path newDone = Files.writeString(inbox.resolve(".done/new.csv"), "x");
        Path oldError = Files.writeString(Files.createDirectories(inbox.resolve(".error")).resolve("old.csv"), "x");
        Path waiting = Files.writeString(inbox.resolve("waiting.csv"), "x");
        // A FHIR bulk export rests in .done/ as its folder.
        Path oldExport = Files.createDirectories(inbox.resolve(".done/20250801T020000-abc-export"));
        Files.writeString(oldExport.resolve("Patient.ndjson"), "{}");
        for (Path p : List.of(oldDone, oldError, waiting, oldExport)) {
            Files.setLastModifiedTime(p, FileTime.from(now.minus(Duration.ofDays(91))));
        }
        Files.setLastModifiedTime(newDone, FileTime.from(now.minus(Duration.ofDays(89))));
        ConnectorConfig connector = new ConnectorConfig("c", "06019999", "Z", ConnectorType.CSV_INBOX, inbox, false,
                Set.of(), Duration.ofSeconds(1),
                new SourceSettings.Csv(Optional.empty(), Charset.forName("UTF-8"), Map.of()), dir.resolve("c.yaml"));
        int deleted = new InboxRetention(new Connectors(List.of(connector)), Duration.ofDays(90), Clock.fixed(now, ZoneOffset.UTC))
                .clean();
        assertThat(deleted).isEqualTo(3);
        assertThat(oldDone).doesNotExist();
        assertThat(oldExport).doesNotExist();
        assertThat(oldError).doesNotExist();
        assertThat(newDone).exists();
        assertThat(waiting).as("the inbox itself is never cleaned").exists();
    }
}
