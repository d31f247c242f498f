package nl.verbeterhub.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.connector.ConnectorType;
import nl.verbeterhub.connector.RemoteAuth;
import nl.verbeterhub.connector.SourceSettings;
import nl.verbeterhub.json.HubJson;
import nl.verbeterhub.remote.auth.Authorizers;
import nl.verbeterhub.remote.fhir.ServerPuller;
import nl.verbeterhub.support.FhirJson;
import nl.verbeterhub.support.Fixture;
import nl.verbeterhub.support.fhirserver.FhirTestServer;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.antistolling.AntistollingTheme;
import nl.verbeterhub.theme.diagnostiek.DiagnostiekTheme;
import nl.verbeterhub.theme.eigen.EigenTheme;
import nl.verbeterhub.theme.eigen.OwnGoals;
import nl.verbeterhub.theme.kwetsbaar.KwetsbaarTheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot {@code fhir-server} connector listing the four further themes: its run fetches what each
 * theme's records join (screenings, documents, Patients; INRs; reports with their requests, results and
 * tasks; MeasureReports), each resource once, and gives the drafts the same resources give as a bulk export.
 */
class ServerRunThemesTests {

    private static final Set<Theme> THEMES = Set.of(KwetsbaarTheme.THEME, AntistollingTheme.THEME, DiagnostiekTheme.THEME, EigenTheme.THEME);
    private static final SourceSettings.Fhir SETTINGS = SourceSettings.Fhir.DEFAULTS.withThemes(THEMES);

    @TempDir
    Path dir;

    @Test
    void aFullRunOfTheFurtherThemesGivesTheDraftsOfTheirExports() throws Exception {
        List<Path> exports = List.of(FhirKwetsbaarTests.workedExample(dir.resolve("kwetsbaar")),
                FhirAntistollingTests.workedExample(dir.resolve("antistolling")),
                FhirDiagnostiekTests.workedExample(dir.resolve("diagnostiek")),
                FhirJson.ndjson(dir.resolve("eigen/MeasureReport.ndjson"),
                        FhirEigenTests.month("r1", "Measure/mo-24u", "2026-01-01", "2026-01-31", 85, 100),
                        FhirEigenTests.month("r2", "Measure/valincidenten", "2026-01-01", "2026-01-31", 3, null)).getParent());
        String roster = Files.readString(Path.of("samples/stollingsdienst.csv"));
        OwnGoals goals = OwnGoals.load(Path.of("goals"));
        try (FhirTestServer server = new FhirTestServer(FhirContext.forR4Cached());
             Fixture fromFiles = new Fixture(Files.createDirectories(dir.resolve("files")), 1, goals);
             Fixture fromServer = new Fixture(Files.createDirectories(dir.resolve("server")), 1, goals)) {
            List<String> served = new ArrayList<>();
            for (Path export : exports) {
                try (Stream<Path> files = Files.list(export)) {
                    for (Path f : files.sorted().toList()) {
                        if (f.toString().endsWith(".ndjson")) served.addAll(Files.readAllLines(f));
                    }
                }
            }
            server.store().putAll(served);
            ConnectorConfig c = new ConnectorConfig("server", Fixture.AGB, "Testziekenhuis", ConnectorType.FHIR_SERVER,
                    dir.resolve("inbox"), true, Set.of(), Duration.ofSeconds(1), new SourceSettings.FhirServer(SETTINGS,
                    URI.create(server.baseUrl()), Duration.ofMinutes(5), new RemoteAuth.None(), 3), null);
            ServerPuller.Fetched run = new ServerPuller(Clock.systemUTC()).pull(c, Optional.empty(),
                    Authorizers.of(new RemoteAuth.None(), k -> null));
            Path folder = run.delivered().orElseThrow();

            Set<String> written = new HashSet<>();
            for (String line : Files.readAllLines(folder.resolve(FhirExtract.RUN_FILE))) {
                JsonNode r = HubJson.MAPPER.readTree(line);
                assertThat(written.add(r.get("resourceType").asText() + "/" + r.get("id").asText())).as("once: " + line).isTrue();
            }
            assertThat(written).as("what each theme joins came along")
                    .anyMatch(k -> k.startsWith("DocumentReference/")).anyMatch(k -> k.startsWith("ServiceRequest/"))
                    .anyMatch(k -> k.startsWith("Task/")).anyMatch(k -> k.startsWith("MeasureReport/"))
                    .anyMatch(k -> k.startsWith("Patient/"));

            for (Path export : exports) fromFiles.deliverFhir("fhir-" + export.getFileName(), SETTINGS, export);
            fromFiles.deliver("roster", roster);
            fromServer.deliverFhir("server", SETTINGS, folder);
            fromServer.deliver("roster", roster);
            for (Theme theme : THEMES) {
                assertThat(fromServer.drafts(theme)).as(theme + " drafts").isNotEmpty()
                        .hasSameSizeAs(fromFiles.drafts(theme));
                fromFiles.drafts(theme).forEach(d -> assertThat(fromServer.indicators(theme, d.year()))
                        .as(theme + " " + d.year()).isEqualTo(d.value().get("indicators")));
            }
            assertThat(fromServer.rejections()).hasSameSizeAs(fromFiles.rejections());
        }
    }
}
