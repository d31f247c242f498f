package nl.verbeterhub.remote.auth;

import static nl.verbeterhub.support.FhirJson.painScore;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.nimbusds.jose.JWSAlgorithm;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.connector.ConnectorType;
import nl.verbeterhub.connector.RemoteAuth;
import nl.verbeterhub.connector.SourceSettings;
import nl.verbeterhub.remote.fhir.ServerPuller;
import nl.verbeterhub.support.fhirserver.FhirTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fhir-server run behind SMART Backend Services: the run's requests carry the token the endpoint issued
 * for a verified assertion, and a token the server no longer accepts (401) is refreshed once and the
 * request retried, so the run goes through.
 */
class SmartServerPullTests {

    @TempDir
    Path dir;

    @Test
    void aRunFetchesItsTokenAndRefreshesItOnceWhenTheServerRefusesIt() throws Exception {
        Path key = Files.writeString(dir.resolve("key.pem"), TestKeys.pem(TestKeys.RSA.getPrivate()));
        try (TokenEndpoint endpoint = new TokenEndpoint(Clock.systemUTC(), JWSAlgorithm.RS384, TestKeys.RSA.getPublic(), null);
             FhirTestServer server = new FhirTestServer(FhirContext.forR4Cached())) {
            server.store().put(painScore("p1", "Patient/pt1", "2026-03-01T10:00:00+01:00", "NRS", 6).json());
            RemoteAuth.Smart smart = new RemoteAuth.Smart(endpoint.url, TokenEndpoint.CLIENT_ID, "RS384", Optional.of(key),
                    Optional.empty(), Optional.empty(), TokenEndpoint.SCOPE);
            Authorizer authorizer = Authorizers.of(smart, k -> null);
            assertThat(authorizer.authorization()).contains("Bearer token-1");
            // The server has moved on to the next token: token-1 is answered 401.
            server.requireToken("token-2");
            ConnectorConfig c = new ConnectorConfig("smart", "06019999", "Z", ConnectorType.FHIR_SERVER, dir.resolve("inbox"), false,
                    Set.of(), Duration.ofSeconds(1), new SourceSettings.FhirServer(SourceSettings.Fhir.DEFAULTS,
                    URI.create(server.baseUrl()), Duration.ofMinutes(5), smart, 100), null);

            ServerPuller.Fetched run = new ServerPuller(Clock.systemUTC()).pull(c, Optional.empty(), authorizer);

            assertThat(run.resources()).isEqualTo(1);
            assertThat(server.unauthorized()).as("one 401, then the refreshed token").isEqualTo(1);
            assertThat(endpoint.issued.get()).isEqualTo(2);
            assertThat(endpoint.rejections).isEmpty();
        }
    }
}
