package nl.verbeterhub.remote.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.connector.ConnectorLoader;
import nl.verbeterhub.connector.ConnectorType;
import nl.verbeterhub.connector.SourceSettings;
import org.junit.jupiter.api.Test;

/** The example SFTP connector is valid, and kept out of connectors/ so that a default run never polls localhost. */
class ExampleSftpConnectorTests {

    @Test
    void theExampleLoadsAndIsNotLoadedByDefault() throws Exception {
        List<ConnectorConfig> examples = ConnectorLoader.load(Path.of("connectors", "examples"), Duration.ofMillis(250));
        assertThat(examples).extracting(ConnectorConfig::id).contains("voorbeeld-sftp");
        ConnectorConfig sftp = examples.stream().filter(c -> c.id().equals("voorbeeld-sftp")).findFirst().orElseThrow();
        assertThat(sftp.type()).isEqualTo(ConnectorType.SFTP_INBOX);
        assertThat(((SourceSettings.Sftp) sftp.settings()).privateKeyEnv()).contains("VERBETERHUB_SFTP_KEY_VOORBEELD");

        assertThat(ConnectorLoader.load(Path.of("connectors"), Duration.ofMillis(250)))
                .noneMatch(c -> c.type() == ConnectorType.SFTP_INBOX);
    }
}
