package nl.verbeterhub.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.verbeterhub.admission.Admissions;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.connector.ConnectorType;
import nl.verbeterhub.connector.RemoteAuth;
import nl.verbeterhub.connector.SourceSettings;
import nl.verbeterhub.draft.Draft;
import nl.verbeterhub.extract.ExtractCommit;
import nl.verbeterhub.extract.Rejection;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.remote.auth.Authorizers;
import nl.verbeterhub.remote.fhir.ServerPuller;
import nl.verbeterhub.support.Fixture;
import nl.verbeterhub.support.fhirserver.FhirTestServer;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.nuchter.FastingTheme;
import nl.verbeterhub.theme.pijn.PainTheme;
import nl.verbeterhub.theme.vbi.VbiTheme;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * domain.md §6 "Equivalence" for a FHIR server: the {@link TwinExports} records put on a real HAPI FHIR
 * server and pulled in one run (small pages, so that every search pages many times, with the includes an
 * anaesthesia Procedure needs) give the same drafts as their CSV twins, and the planted invalid records are
 * rejected alike, at run positions and without a SHA-256.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerRunEquivalenceTests {

    private static final long SEED = 20_251_026L;
    private static final int RECORDS_PER_TYPE = 600;

    @TempDir
    static Path dir;

    private TwinExports twins;
    private Fixture csv;
    private Fixture server;
    private FhirTestServer fhirServer;
    private ServerPuller.Fetched run;
    private ExtractCommit commit;

    @BeforeAll
    void pullTheTwinsFromAServer() throws Exception {
        twins = TwinExports.generate(SEED, RECORDS_PER_TYPE);
        csv = new Fixture(Files.createDirectories(dir.resolve("csv")));
        for (RecordType type : List.of(PainTheme.PIJN, VbiTheme.VBI, Admissions.ADMISSION, FastingTheme.NUCHTER)) {
            csv.deliver(type.name().toLowerCase(Locale.ROOT) + "-csv", twins.csv(type));
        }
        fhirServer = new FhirTestServer(FhirContext.forR4Cached());
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(twins.writeFhir(dir.resolve("export")))) {
            for (Path f : files.sorted().toList()) lines.addAll(Files.readAllLines(f));
        }
        fhirServer.store().putAll(lines);
        ConnectorConfig connector = connector(dir.resolve("inbox"), fhirServer.baseUrl(), 50);
        run = new ServerPuller(Clock.systemUTC()).pull(connector, Optional.empty(), Authorizers.of(new RemoteAuth.None(), k -> null));
        server = new Fixture(Files.createDirectories(dir.resolve("server")));
        commit = server.deliverFhir("server", run.delivered().orElseThrow());
    }

    static ConnectorConfig connector(Path inbox, String baseUrl, int pageSize) {
        return new ConnectorConfig("server", Fixture.AGB, "Testziekenhuis", ConnectorType.FHIR_SERVER, inbox, false, Set.of(),
                Duration.ofSeconds(1), new SourceSettings.FhirServer(SourceSettings.Fhir.DEFAULTS, URI.create(baseUrl),
                Duration.ofMinutes(5), new RemoteAuth.None(), pageSize), null);
    }

    @AfterAll
    void close() throws Exception {
        if (csv != null) csv.close();
        if (server != null) server.close();
        if (fhirServer != null) fhirServer.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"VBI", "NUCHTER", "PIJN"}) // the themes FHIR is mapped for (decision 96)
    void theServerRunGivesTheDraftsOfTheCsvTwins(Theme theme) {
        Map<Integer, ObjectNode> fromCsv = byYear(csv.drafts(theme));
        Map<Integer, ObjectNode> fromServer = byYear(server.drafts(theme));
        assertThat(fromServer.keySet()).as("%s: the years with a draft", theme).isEqualTo(fromCsv.keySet()).contains(2025, 2026);
        fromCsv.forEach((year, expected) -> {
            ObjectNode actual = fromServer.get(year);
            assertThat(actual.get("indicators")).as(theme + " " + year + " indicators").isEqualTo(expected.get("indicators"));
            for (String count : List.of("recordsRead", "recordsAccepted", "recordsRejected", "rejectedByReason")) {
                assertThat(actual.at("/dataQuality/" + count)).as(theme + " " + year + " " + count)
                        .isEqualTo(expected.at("/dataQuality/" + count));
            }
            assertThat(actual.at("/sources/0/latest/sha256").isNull()).as("a run has no SHA-256").isTrue();
        });
    }

    @Test
    void thePlantedRecordsAreRejectedAtRunPositions() {
        Map<String, Long> planted = twins.planted().stream().collect(Collectors.groupingBy(
                p -> p.type() + " " + p.reason() + " " + p.field(), TreeMap::new, Collectors.counting()));
        Map<String, Long> rejected = server.rejections().stream().collect(Collectors.groupingBy(
                r -> r.recordType() + " " + r.reason() + " " + r.field(), TreeMap::new, Collectors.counting()));
        assertThat(rejected).isEqualTo(planted);
        Rejection first = server.rejections().get(0);
        ObjectNode json = first.toJson();
        assertThat(json.at("/extract/sha256").isNull()).isTrue();
        assertThat(json.at("/position/run").asText()).isEqualTo(commit.name()).startsWith("run-");
        assertThat(json.at("/position/index").isIntegralNumber()).isTrue();
        assertThat(first.key()).contains(":run-").contains(":index-");
    }

    @Test
    void theRunPagedThroughEverySearch() {
        assertThat(run.resources()).isPositive();
        assertThat(fhirServer.requests().stream().filter(r -> r.contains("_getpages")).count()).isGreaterThan(20);
        assertThat(commit.sha256()).startsWith("run-");
        assertThat(commit.report().transactionTime()).isNotNull();
    }

    private static Map<Integer, ObjectNode> byYear(List<Draft> drafts) {
        return drafts.stream().collect(Collectors.toMap(Draft::year, Draft::value, (a, b) -> a, TreeMap::new));
    }
}
