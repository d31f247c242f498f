package nl.verbeterhub.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import nl.verbeterhub.theme.diagnostiek.DiagnostiekTheme;
import nl.verbeterhub.theme.eigen.EigenTheme;
import nl.verbeterhub.theme.kwetsbaar.KwetsbaarTheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The remote connector types' settings: defaults, every form of auth, and a mistake named with its file. */
class RemoteConnectorLoaderTests {

    private static final String HEAD = "id: r\nhospital:\n  agb: \"06010001\"\n  name: R\n";

    @TempDir
    Path dir;

    private ConnectorConfig load(String yaml) throws Exception {
        Files.writeString(dir.resolve("r.yaml"), HEAD + yaml);
        return ConnectorLoader.load(dir, Duration.ofMillis(500)).get(0);
    }

    private void refused(String yaml, String problem) throws Exception {
        Path f = Files.writeString(dir.resolve("r.yaml"), HEAD + yaml);
        assertThatThrownBy(() -> ConnectorLoader.load(dir, Duration.ofMillis(500)))
                .hasMessageContaining(f.toString()).hasMessageContaining(problem);
    }

    @Test
    void aFhirServerWithItsDefaults() throws Exception {
        ConnectorConfig c = load("type: fhir-server\nbaseUrl: https://fhir.example.org/r4/\n");
        SourceSettings.FhirServer s = (SourceSettings.FhirServer) c.settings();
        assertThat(s.baseUrl()).isEqualTo(URI.create("https://fhir.example.org/r4"));
        assertThat(s.pollInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(s.pageSize()).isEqualTo(1000);
        assertThat(s.auth()).isEqualTo(new RemoteAuth.None());
        assertThat(c.inbox()).isEqualTo(Path.of("data/inbox/r"));
        assertThat(c.readsFhir()).isTrue();
        assertThat(c.type().remote()).isTrue();
    }

    @Test
    void furtherThemesAreReadFromBulkExportsAndFromServersReadInFull() throws Exception {
        SourceSettings.BulkExport bulk = (SourceSettings.BulkExport) load("type: fhir-bulk-export\n"
                + "baseUrl: https://fhir.example.org/r4\nthemes: [DIAGNOSTIEK]\n").settings();
        assertThat(bulk.fhir().themes()).containsExactly(DiagnostiekTheme.THEME);
        SourceSettings.FhirServer server = (SourceSettings.FhirServer) load("type: fhir-server\nmode: snapshot\n"
                + "baseUrl: https://fhir.example.org/r4\nthemes: [EIGEN, KWETSBAAR]\n").settings();
        assertThat(server.fhir().themes()).containsExactlyInAnyOrder(EigenTheme.THEME, KwetsbaarTheme.THEME);
        refused("type: fhir-server\nbaseUrl: https://fhir.example.org/r4\nthemes: [EIGEN]\n",
                "themes on a fhir-server connector need mode: snapshot (every run a full read");
    }

    @Test
    void everyFormOfAuth() throws Exception {
        assertThat(((SourceSettings.FhirServer) load("type: fhir-server\nbaseUrl: http://localhost:8081/fhir\nauth: none\n")
                .settings()).auth()).isEqualTo(new RemoteAuth.None());
        assertThat(((SourceSettings.FhirServer) load("type: fhir-server\nbaseUrl: http://localhost:8081/fhir\n"
                + "auth:\n  bearerTokenEnv: EPD_TOKEN\n").settings()).auth()).isEqualTo(new RemoteAuth.Bearer("EPD_TOKEN"));
        RemoteAuth smart = ((SourceSettings.BulkExport) load("type: fhir-bulk-export\nbaseUrl: http://localhost:8081/fhir\n"
                + "auth:\n  smart:\n    tokenUrl: https://auth.example.org/token\n    clientId: hub\n    algorithm: ES384\n"
                + "    keyEnv: SMART_KEY\n").settings()).auth();
        assertThat(smart).isInstanceOfSatisfying(RemoteAuth.Smart.class, s -> {
            assertThat(s.algorithm()).isEqualTo("ES384");
            assertThat(s.keyEnv()).contains("SMART_KEY");
            assertThat(s.scope()).isEqualTo("system/*.rs");
        });
    }

    @Test
    void aSecretInTheFileOrAMistakeIsNamed() throws Exception {
        refused("type: fhir-server\nbaseUrl: http://localhost/fhir\nauth:\n  bearerTokenEnv: \"eyJhbGciOi.secret\"\n",
                "never the secret itself");
        refused("type: fhir-server\nbaseUrl: https://user:pw@fhir.example.org\n", "without credentials");
        refused("type: fhir-server\n", "baseUrl is required");
        refused("type: fhir-server\nbaseUrl: http://localhost/fhir\npollInterval: 10s\n", "ISO-8601");
        refused("type: fhir-server\nbaseUrl: http://localhost/fhir\npageSize: 0\n", "pageSize");
        refused("type: fhir-bulk-export\nbaseUrl: http://localhost/fhir\nexportLevel: group\n", "group");
        refused("type: fhir-server\nbaseUrl: http://localhost/fhir\nauth:\n  smart:\n    tokenUrl: http://a/t\n    clientId: c\n",
                "keyFile or keyEnv");
        refused("type: fhir-server\nbaseUrl: http://localhost/fhir\nrecordType: PIJN\n", "unknown setting 'recordType'");
        refused("type: sftp-inbox\nhost: sftp.example.org\npath: out\nuser: hub\npasswordEnv: PW\n", "knownHosts");
    }

    @Test
    void everyExampleLoadsAndNoneIsLoadedByDefault() throws Exception {
        List<ConnectorConfig> examples = ConnectorLoader.load(Path.of("connectors", "examples"), Duration.ofMillis(500));
        assertThat(examples).extracting(ConnectorConfig::type).contains(ConnectorType.FHIR_SERVER, ConnectorType.FHIR_BULK_EXPORT,
                ConnectorType.SFTP_INBOX);
        assertThat(ConnectorLoader.load(Path.of("connectors"), Duration.ofMillis(500))).noneMatch(c -> c.type().remote());
    }
}
