package nl.verbeterhub.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import nl.verbeterhub.theme.diagnostiek.DiagnostiekTheme;
import nl.verbeterhub.theme.kwetsbaar.KwetsbaarTheme;
import nl.verbeterhub.theme.pijn.PainTheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorLoaderTests {

    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws Exception {
        return Files.writeString(dir.resolve(name), yaml);
    }

    @Test
    void theExampleConnectorsOfTheRepositoryLoad() throws Exception {
        var connectors = ConnectorLoader.load(Path.of("connectors"), Duration.ofMillis(500));
        assertThat(connectors).extracting(ConnectorConfig::id).contains("voorbeeld-vbi-csv", "voorbeeld-opnames-csv");
        assertThat(connectors).allSatisfy(c -> assertThat(c.agb()).isEqualTo("06019999"));
    }

    @Test
    void aCompleteConnector() throws Exception {
        write("a.yaml", "id: a-pijn\nhospital:\n  agb: \"06010001\"\n  name: Ziekenhuis A\ninbox: in/a\nrecordType: pijn\n"
                + "mode: snapshot\nsnapshotYears: [2025]\ncharset: windows-1252\npollDelay: 2s\n"
                + "columns:\n  patient_id: Patientnummer\n");
        ConnectorConfig c = ConnectorLoader.load(dir, Duration.ofMillis(500)).get(0);
        assertThat(c.type()).isEqualTo(ConnectorType.CSV_INBOX);
        assertThat(c.csv().recordType()).contains(PainTheme.PIJN);
        assertThat(c.snapshot()).isTrue();
        assertThat(c.snapshotYears()).containsExactly(2025);
        assertThat(c.pollDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.csv().columns()).containsEntry("patient_id", "Patientnummer");
    }

    @Test
    void anExpectedScheduleAndUploadTokenHashes() throws Exception {
        String hash = "ab".repeat(32);
        write("e.yaml", "id: e\nhospital:\n  agb: \"06010001\"\n  name: E\ninbox: in/e\n"
                + "expect:\n  every: P1D\n  by: \"06:00\"\nuploadTokens: [\"sha256:" + hash.toUpperCase() + "\"]\n");
        ConnectorConfig c = ConnectorLoader.load(dir, Duration.ofMillis(500)).get(0);
        assertThat(c.expect()).contains(new Expectation(Duration.ofDays(1), LocalTime.of(6, 0)));
        assertThat(c.uploadTokenSha256()).containsExactly(hash);
    }

    @Test
    void aTokenInPlainTextOrAScheduleThatIsNoneIsRefused() throws Exception {
        Path f = write("t.yaml", "id: t\nhospital:\n  agb: \"06010001\"\n  name: T\ninbox: in/t\n"
                + "uploadTokens: [\"my-secret-token\"]\n");
        assertThatThrownBy(() -> ConnectorLoader.load(dir, Duration.ofMillis(500)))
                .hasMessageContaining(f.toString()).hasMessageContaining("never a token itself");
        Files.delete(f);
        f = write("x.yaml", "id: x\nhospital:\n  agb: \"06010001\"\n  name: X\ninbox: in/x\nexpect:\n  every: PT5H\n  by: \"06:00\"\n");
        assertThatThrownBy(() -> ConnectorLoader.load(dir, Duration.ofMillis(500)))
                .hasMessageContaining(f.toString()).hasMessageContaining("hours that divide a day");
        Files.delete(f);
        write("y.yaml", "id: y\nhospital:\n  agb: \"06010001\"\n  name: Y\ninbox: in/y\nexpect:\n  every: daily\n  by: \"6\"\n");
        assertThatThrownBy(() -> ConnectorLoader.load(dir, Duration.ofMillis(500))).hasMessageContaining("expect.every");
    }

    @Test
    void mistakesNameTheFileAndTheSetting() throws Exception {
        Path f = write("b.yaml", "id: b\nhospital:\n  agb: 6019999\n  name: B\ninbox: in/b\n");
        assertThatThrownBy(() -> ConnectorLoader.load(dir, Duration.ofMillis(500)))
                .hasMessageContaining(f.toString()).hasMessageContaining("hospital.agb");
        Files.delete(f);
        write("c.yaml", "id: c\nhospital:\n  agb: \"06010001\"\n  name: C\ninbox: in/c\nrecordTyp: VBI\n");
        assertThatThrownBy(() -> ConnectorLoader.load(dir, Duration.ofMillis(500))).hasMessageContaining("recordTyp");
    }

    @Test
    void theTypeIsOneOfAClosedSetAndChoosesWhichSettingsAFileMayGive() throws Exception {
        Path f = write("g.yaml", "id: g\nhospital:\n  agb: \"06010001\"\n  name: G\ninbox: in/g\ntype: ftp-inbox\n");
        assertThatThrownBy(() -> ConnectorLoader.load(dir, Duration.ofMillis(500)))
                .hasMessageContaining(f.toString()).hasMessageContaining("type must be one of csv-inbox, fhir-inbox");
        Files.delete(f);
        f = write("h.yaml", "id: h\nhospital:\n  agb: \"06010001\"\n  name: H\ninbox: in/h\ntype: csv-inbox\n"
                + "patientIdentifierSystem: http://fhir.nl/fhir/NamingSystem/bsn\n");
        assertThatThrownBy(() -> ConnectorLoader.load(dir, Duration.ofMillis(500)))
                .hasMessageContaining(f.toString())
                .hasMessageContaining("unknown setting 'patientIdentifierSystem' for type csv-inbox");
        Files.delete(f);
        write("i.yaml", "id: i\nhospital:\n  agb: \"06010001\"\n  name: I\n  naam: I\ninbox: in/i\n");
        assertThatThrownBy(() -> ConnectorLoader.load(dir, Duration.ofMillis(500))).hasMessageContaining("hospital.naam");
    }

    @Test
    void aFhirInboxTakesItsIdentifierSystemsAndNoCsvSettings() throws Exception {
        write("j.yaml", "id: j-fhir\nhospital:\n  agb: \"06010001\"\n  name: J\ninbox: in/j\ntype: fhir-inbox\n"
                + "mode: snapshot\npatientIdentifierSystem: http://fhir.nl/fhir/NamingSystem/bsn\n"
                + "recordIdentifierSystem: urn:oid:2.16.528.1.1007.3.3.1234567.1\n");
        ConnectorConfig c = ConnectorLoader.load(dir, Duration.ofMillis(500)).get(0);
        assertThat(c.type()).isEqualTo(ConnectorType.FHIR_INBOX);
        assertThat(c.snapshot()).isTrue();
        assertThat(c.fhir().patientIdentifierSystem()).contains("http://fhir.nl/fhir/NamingSystem/bsn");
        assertThat(c.fhir().recordIdentifierSystem()).contains("urn:oid:2.16.528.1.1007.3.3.1234567.1");
        Files.delete(dir.resolve("j.yaml"));
        Path f = write("k.yaml", "id: k\nhospital:\n  agb: \"06010001\"\n  name: K\ninbox: in/k\ntype: fhir-inbox\n"
                + "charset: windows-1252\n");
        assertThatThrownBy(() -> ConnectorLoader.load(dir, Duration.ofMillis(500))).hasMessageContaining(f.toString())
                .hasMessageContaining("unknown setting 'charset' for type fhir-inbox");
        Files.delete(f);
        write("l.yaml", "id: l\nhospital:\n  agb: \"06010001\"\n  name: L\ninbox: in/l\ntype: fhir-inbox\n"
                + "patientIdentifierSystem: BSN nummer\n");
        assertThatThrownBy(() -> ConnectorLoader.load(dir, Duration.ofMillis(500)))
                .hasMessageContaining("patientIdentifierSystem must be a URI");
    }

    @Test
    void aFhirConnectorReadsTheFurtherThemesItListsAndNoOthers() throws Exception {
        write("m.yaml", "id: m-fhir\nhospital:\n  agb: \"06010001\"\n  name: M\ninbox: in/m\ntype: fhir-inbox\n"
                + "themes: [kwetsbaar, DIAGNOSTIEK]\n");
        assertThat(ConnectorLoader.load(dir, Duration.ofMillis(500)).get(0).fhir().themes())
                .containsExactlyInAnyOrder(KwetsbaarTheme.THEME, DiagnostiekTheme.THEME);
        Files.delete(dir.resolve("m.yaml"));
        write("n.yaml", "id: n-fhir\nhospital:\n  agb: \"06010001\"\n  name: N\ninbox: in/n\ntype: fhir-inbox\n");
        assertThat(ConnectorLoader.load(dir, Duration.ofMillis(500)).get(0).fhir().themes()).as("default: none").isEmpty();
        Files.delete(dir.resolve("n.yaml"));
        Path f = write("o.yaml", "id: o\nhospital:\n  agb: \"06010001\"\n  name: O\ninbox: in/o\ntype: fhir-inbox\n"
                + "themes: [PIJN]\n");
        assertThatThrownBy(() -> ConnectorLoader.load(dir, Duration.ofMillis(500))).hasMessageContaining(f.toString())
                .hasMessageContaining("themes lists 'PIJN'; a FHIR connector may list KWETSBAAR, ANTISTOLLING, DIAGNOSTIEK and EIGEN");
        Files.delete(f);
        f = write("p.yaml", "id: p\nhospital:\n  agb: \"06010001\"\n  name: P\ninbox: in/p\ntype: fhir-inbox\n"
                + "themes: [EIGEN, eigen]\n");
        assertThatThrownBy(() -> ConnectorLoader.load(dir, Duration.ofMillis(500))).hasMessageContaining("themes lists EIGEN twice");
        Files.delete(f);
        f = write("q.yaml", "id: q\nhospital:\n  agb: \"06010001\"\n  name: Q\ninbox: in/q\ntype: csv-inbox\n"
                + "themes: [EIGEN]\n");
        assertThatThrownBy(() -> ConnectorLoader.load(dir, Duration.ofMillis(500)))
                .hasMessageContaining("unknown setting 'themes' for type csv-inbox");
    }

    @Test
    void utf16CannotBeReadByteWise() throws Exception {
        write("d.yaml", "id: d\nhospital:\n  agb: \"06010001\"\n  name: D\ninbox: in/d\ncharset: UTF-16\n");
        assertThatThrownBy(() -> ConnectorLoader.load(dir, Duration.ofMillis(500))).hasMessageContaining("ASCII-compatible");
    }

    @Test
    void twoConnectorsMayNotShareAnInboxOrDisagreeOnAName() throws Exception {
        write("e.yaml", "id: e\nhospital:\n  agb: \"06010001\"\n  name: E\ninbox: in/e\n");
        write("f.yaml", "id: f\nhospital:\n  agb: \"06010001\"\n  name: F\ninbox: in/f\n");
        assertThatThrownBy(() -> ConnectorLoader.load(dir, Duration.ofMillis(500))).hasMessageContaining("hospital.name");
    }
}
