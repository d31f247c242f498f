package nl.verbeterhub.remote.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import nl.verbeterhub.connector.RemoteAuth;
import nl.verbeterhub.failure.RemoteSourceException;
import org.junit.jupiter.api.Test;

class AuthorizersTests {

    @Test
    void noneSendsNoHeader() {
        Authorizer none = Authorizers.of(new RemoteAuth.None(), name -> null);

        assertThat(none.authorization()).isEmpty();
        assertThat(none.refresh()).isFalse();
    }

    @Test
    void aStaticBearerTokenComesFromTheEnvironment() {
        Authorizer bearer = Authorizers.of(new RemoteAuth.Bearer("FHIR_TOKEN"), Map.of("FHIR_TOKEN", " abc \n")::get);

        assertThat(bearer.authorization()).contains("Bearer abc");
        assertThat(bearer.refresh()).as("a static token cannot be refreshed: the 401 stands").isFalse();
    }

    @Test
    void aMissingBearerTokenRefusesTheConnector() {
        Authorizer bearer = Authorizers.of(new RemoteAuth.Bearer("FHIR_TOKEN"), Map.of("FHIR_TOKEN", " ")::get);

        assertThatThrownBy(bearer::authorization)
                .isInstanceOf(RemoteSourceException.Refused.class)
                .hasMessageContaining("FHIR_TOKEN");
    }

    @Test
    void smartGetsItsTokenFromTheEndpoint() throws Exception {
        try (TokenEndpoint endpoint = new TokenEndpoint(Clock.systemUTC(), JWSAlgorithm.ES384, TestKeys.EC_P384.getPublic(), null)) {
            Authorizer smart = Authorizers.of(SmartBackendAuthorizerTests.smart(endpoint.url, "ES384", Optional.empty(),
                    Optional.of("SMART_KEY"), Optional.empty()), Map.of("SMART_KEY", TestKeys.pem(TestKeys.EC_P384.getPrivate()))::get);

            assertThat(smart.authorization()).contains("Bearer token-1");
            assertThat(smart.refresh()).isTrue();
            assertThat(endpoint.rejections).isEmpty();
        }
    }
}
