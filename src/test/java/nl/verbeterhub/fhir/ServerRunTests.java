package nl.verbeterhub.fhir;

import static nl.verbeterhub.support.FhirJson.painScore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import nl.verbeterhub.connector.RemoteAuth;
import nl.verbeterhub.remote.auth.Authorizers;
import nl.verbeterhub.remote.fhir.ServerPuller;
import nl.verbeterhub.support.Fixture;
import nl.verbeterhub.support.fhirserver.FhirTestServer;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.pijn.PainTheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FHIR server runs beyond the generated twins: other systems' resources, and snapshot connectors. */
class ServerRunTests {

    private static final Path PUBLIC_EXAMPLES = Path.of("../shared/fhir-examples/public/nictiz/ndjson");

    @TempDir
    Path dir;

    private ServerPuller.Fetched pull(FhirTestServer server, String inbox) throws Exception {
        return new ServerPuller(Clock.systemUTC()).pull(ServerRunEquivalenceTests.connector(dir.resolve(inbox), server.baseUrl(), 3),
                Optional.empty(), Authorizers.of(new RemoteAuth.None(), k -> null));
    }

    /** The public Nictiz nl-core examples (another system's FHIR), served and pulled, give what their export gives. */
    @Test
    void thePublicNlCoreExamplesPulledFromAServerGiveTheDraftsOfTheirExport() throws Exception {
        assumeTrue(Files.isDirectory(PUBLIC_EXAMPLES), "../shared/fhir-examples is not here");
        try (FhirTestServer server = new FhirTestServer(FhirContext.forR4Cached());
             Fixture fromFiles = new Fixture(Files.createDirectories(dir.resolve("files")));
             Fixture fromServer = new Fixture(Files.createDirectories(dir.resolve("server")))) {
            try (Stream<Path> files = Files.list(PUBLIC_EXAMPLES)) {
                for (Path f : files.sorted().toList()) server.store().putAll(Files.readAllLines(f));
            }
            fromFiles.deliverFhir("files", PUBLIC_EXAMPLES);
            fromServer.deliverFhir("server", pull(server, "inbox").delivered().orElseThrow());
            int drafts = 0;
            for (Theme theme : Theme.values()) {
                assertThat(fromServer.drafts(theme)).as(theme.name()).hasSameSizeAs(fromFiles.drafts(theme));
                for (int i = 0; i < fromFiles.drafts(theme).size(); i++, drafts++) {
                    var expected = fromFiles.drafts(theme).get(i).value();
                    var actual = fromServer.drafts(theme).get(i).value();
                    assertThat(actual.get("indicators")).as(theme.name()).isEqualTo(expected.get("indicators"));
                    assertThat(actual.get("dataQuality")).as(theme.name()).isEqualTo(expected.get("dataQuality"));
                }
            }
            assertThat(drafts).as("the examples hold records").isPositive();
        }
    }

    /** mode: snapshot — every run reads everything, and what the server no longer holds is removed. */
    @Test
    void aSnapshotRunRemovesWhatTheServerNoLongerHolds() throws Exception {
        try (FhirTestServer server = new FhirTestServer(FhirContext.forR4Cached());
             Fixture hub = new Fixture(Files.createDirectories(dir.resolve("hub")))) {
            for (int i = 0; i < 5; i++) {
                server.store().put(painScore("p" + i, "Patient/pt" + i, "2025-03-0" + (i + 1) + "T10:00:00+01:00", "NRS", 5).json());
            }
            hub.deliverFhirSnapshot("server", Set.of(), pull(server, "run1").delivered().orElseThrow());
            assertThat(hub.indicators(PainTheme.THEME, 2025).get("measurements").asInt()).isEqualTo(5);

            server.store().remove("Observation", "p2");
            server.store().remove("Observation", "p4");
            hub.deliverFhirSnapshot("server", Set.of(), pull(server, "run2").delivered().orElseThrow());
            assertThat(hub.indicators(PainTheme.THEME, 2025).get("measurements").asInt()).isEqualTo(3);
            assertThat(hub.draft(PainTheme.THEME, 2025).at("/sources/0/extracts").asInt()).isEqualTo(2);
        }
    }
}
