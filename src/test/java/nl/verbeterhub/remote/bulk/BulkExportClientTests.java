package nl.verbeterhub.remote.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import nl.verbeterhub.connector.RemoteAuth;
import nl.verbeterhub.connector.SourceSettings;
import nl.verbeterhub.failure.RemoteSourceException;
import nl.verbeterhub.remote.auth.Authorizer;
import nl.verbeterhub.remote.auth.Authorizers;
import nl.verbeterhub.support.FhirJson;
import nl.verbeterhub.theme.diagnostiek.DiagnostiekTheme;
import nl.verbeterhub.theme.eigen.EigenTheme;
import nl.verbeterhub.theme.kwetsbaar.KwetsbaarTheme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The HTTP side of bulk $export against {@link BulkExportServer}: what is sent, and what each answer means. */
class BulkExportClientTests {

    private static final Authorizer NONE = Authorizers.of(new RemoteAuth.None(), name -> null);

    private BulkExportServer server;
    private final BulkExportClient client = new BulkExportClient(Duration.ofSeconds(2), Duration.ofSeconds(5));

    @BeforeEach
    void start() throws IOException {
        server = new BulkExportServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private URI base() {
        return URI.create(server.baseUrl());
    }

    private SourceSettings.BulkExport settings(String baseUrl, String level, String group) {
        return new SourceSettings.BulkExport(SourceSettings.Fhir.DEFAULTS, URI.create(baseUrl), Duration.ofHours(1),
                new RemoteAuth.None(), level, Optional.ofNullable(group));
    }

    @Test
    void theKickOffAsksAsynchronouslyForTheHubsTypesChangedSinceTheLastExport() throws Exception {
        URI status = client.kickOff(settings(server.baseUrl(), "system", null), Optional.of(Instant.parse("2025-06-03T10:00:00Z")),
                NONE);
        BulkExportServer.Request r = server.kickOffs().get(0);
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.path()).isEqualTo("/fhir/$export");
        assertThat(r.prefer()).isEqualTo("respond-async");
        assertThat(r.accept()).isEqualTo("application/fhir+json");
        assertThat(r.query()).containsEntry("_type", "Patient,Encounter,Observation,Procedure")
                .containsEntry("_since", "2025-06-03T10:00:00Z");
        assertThat(status.toString()).startsWith("http://localhost:").contains("/status/job-1");
    }

    @Test
    void aConnectorListingFurtherThemesAsksForTheirResourceTypesToo() throws Exception {
        SourceSettings.BulkExport defaults = settings(server.baseUrl(), "system", null);
        SourceSettings.BulkExport listing = new SourceSettings.BulkExport(
                SourceSettings.Fhir.DEFAULTS.withThemes(Set.of(EigenTheme.THEME, DiagnostiekTheme.THEME, KwetsbaarTheme.THEME)),
                defaults.baseUrl(), defaults.pollInterval(), defaults.auth(), "system", Optional.empty());
        client.kickOff(listing, Optional.empty(), NONE);
        assertThat(server.kickOffs().get(0).query()).containsEntry("_type",
                "Patient,Encounter,Observation,Procedure,DocumentReference,DiagnosticReport,ServiceRequest,Task,MeasureReport");
    }

    @Test
    void groupAndPatientLevelExportsKickOffAtTheirOwnPathsAndTheFirstHasNoSince() throws Exception {
        client.kickOff(settings(server.baseUrl(), "group", "g-1"), Optional.empty(), NONE);
        client.kickOff(settings(server.baseUrl(), "patient", null), Optional.empty(), NONE);
        assertThat(server.kickOffs()).extracting(BulkExportServer.Request::path)
                .containsExactly("/fhir/Group/g-1/$export", "/fhir/Patient/$export");
        assertThat(server.kickOffs().get(0).query()).doesNotContainKey("_since");
    }

    @Test
    void a401RefreshesTheAuthorizationOnceAndRetriesOnce() throws Exception {
        server.token = "new-token";
        AtomicInteger refreshes = new AtomicInteger();
        Authorizer rotating = new Authorizer() {
            @Override
            public Optional<String> authorization() {
                return Optional.of(refreshes.get() == 0 ? "Bearer old-token" : "Bearer new-token");
            }

            @Override
            public boolean refresh() {
                refreshes.incrementAndGet();
                return true;
            }
        };
        client.kickOff(settings(server.baseUrl(), "system", null), Optional.empty(), rotating);
        assertThat(refreshes).hasValue(1);
        assertThat(server.requests()).extracting(BulkExportServer.Request::authorization)
                .containsExactly("Bearer old-token", "Bearer new-token");
    }

    @Test
    void a401ThatNoRefreshCuresRefusesTheConnectorWithoutNamingTheToken() {
        server.token = "right-token";
        Authorizer wrong = Authorizers.of(new RemoteAuth.Bearer("EPD_TOKEN"), Map.of("EPD_TOKEN", "wrong-token")::get);
        assertThatThrownBy(() -> client.kickOff(settings(server.baseUrl(), "system", null), Optional.empty(), wrong))
                .isInstanceOf(RemoteSourceException.Refused.class)
                .hasMessage("the kick-off answered HTTP 401");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aBusyServerIsUnavailableWithItsRetryAfter() throws Exception {
        BulkExportServer.Job busy = new BulkExportServer.Job();
        busy.kickOffUnavailable = 1;
        server.script(busy);
        assertThatThrownBy(() -> client.kickOff(settings(server.baseUrl(), "system", null), Optional.empty(), NONE))
                .isInstanceOfSatisfying(RemoteSourceException.Unavailable.class,
                        u -> assertThat(u.retryAfter()).contains(Duration.ofSeconds(1)))
                .hasMessage("the kick-off answered HTTP 503");
        assertThat(client.kickOff(settings(server.baseUrl(), "system", null), Optional.empty(), NONE)).isNotNull();
    }

    @Test
    void aKickOffAnswered400RefusesTheConnector() {
        BulkExportServer.Job refused = new BulkExportServer.Job();
        refused.kickOffRefusal = 400;
        server.script(refused);
        assertThatThrownBy(() -> client.kickOff(settings(server.baseUrl(), "system", null), Optional.empty(), NONE))
                .isInstanceOf(RemoteSourceException.Refused.class).hasMessage("the kick-off answered HTTP 400");
    }

    @Test
    void aServerThatIsNotThereIsUnavailable() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        assertThatThrownBy(() -> client.kickOff(settings("http://localhost:" + port + "/fhir", "system", null), Optional.empty(), NONE))
                .isInstanceOf(RemoteSourceException.Unavailable.class).hasMessageStartingWith("the kick-off failed (");
    }

    @Test
    void theStatusIsInProgressThenThrottledThenCompleteAndAfterTheDeleteGone() throws Exception {
        BulkExportServer.Job job = new BulkExportServer.Job().file("Observation-1.ndjson",
                FhirJson.painScore("obs-1", "Patient/p-1", "2025-05-01T08:00:00+02:00", "NRS", 6));
        job.inProgress = 1;
        job.throttled = 1;
        server.script(job);
        URI status = client.kickOff(settings(server.baseUrl(), "system", null), Optional.empty(), NONE);

        assertThat(client.status(status, base(), NONE)).isEqualTo(new BulkExportClient.InProgress(Optional.of(Duration.ofSeconds(1)),
                Optional.of("step 0 to go")));
        assertThatThrownBy(() -> client.status(status, base(), NONE))
                .isInstanceOfSatisfying(RemoteSourceException.Unavailable.class,
                        u -> assertThat(u.retryAfter()).contains(Duration.ofSeconds(1)))
                .hasMessage("the status request answered HTTP 429");
        BulkExportClient.Status done = client.status(status, base(), NONE);
        assertThat(done).isInstanceOfSatisfying(BulkExportClient.Complete.class,
                c -> assertThat(c.manifest().at("/output/0/type").asText()).isEqualTo("Observation"));
        assertThat(client.delete(status, base(), NONE)).isEqualTo(202);
        assertThat(client.status(status, base(), NONE)).isEqualTo(new BulkExportClient.Expired(404));
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        Instant now = Instant.parse("2015-10-21T07:27:00Z");
        assertThat(HttpFailures.retryAfter("120", now)).contains(Duration.ofSeconds(120));
        assertThat(HttpFailures.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now)).contains(Duration.ofSeconds(60));
        assertThat(HttpFailures.retryAfter("Wed, 21 Oct 2015 07:00:00 GMT", now)).contains(Duration.ZERO);
        assertThat(HttpFailures.retryAfter("soon", now)).isEmpty();
    }

    @Test
    void progressTextIsShownPrintableAndShort() {
        assertThat(BulkExportPull.shown("50% (Observation)")).isEqualTo("50% (Observation)");
        assertThat(BulkExportPull.shown("a\nb\u001b[31m")).isEqualTo("a?b??31m");
        assertThat(BulkExportPull.shown("x".repeat(100))).hasSize(61);
    }
}
