package nl.verbeterhub.remote.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import nl.verbeterhub.connector.RemoteAuth;
import nl.verbeterhub.failure.RemoteSourceException;
import nl.verbeterhub.support.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmartBackendAuthorizerTests {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private TokenEndpoint endpoint;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        if (endpoint != null) endpoint.close();
    }

    @Test
    void fetchesAnRs384TokenOnceAndCachesIt() throws IOException {
        endpoint = new TokenEndpoint(clock, JWSAlgorithm.RS384, TestKeys.RSA.getPublic(), "key-1");
        Authorizer authorizer = fromFile("RS384", TestKeys.RSA, Optional.of("key-1"));

        assertThat(authorizer.authorization()).contains("Bearer token-1");
        clock.advance(Duration.ofSeconds(20));
        assertThat(authorizer.authorization()).contains("Bearer token-1");

        assertThat(endpoint.rejections).isEmpty();
        assertThat(endpoint.issued).hasValue(1);
    }

    @Test
    void signsWithAnEs384KeyFromTheEnvironment() throws IOException {
        endpoint = new TokenEndpoint(clock, JWSAlgorithm.ES384, TestKeys.EC_P384.getPublic(), null);
        Authorizer authorizer = new SmartBackendAuthorizer(smart("ES384", Optional.empty(), Optional.of("SMART_KEY"), Optional.empty()),
                Map.of("SMART_KEY", TestKeys.pem(TestKeys.EC_P384.getPrivate()))::get, clock);

        assertThat(authorizer.authorization()).contains("Bearer token-1");
        assertThat(endpoint.rejections).isEmpty();
    }

    @Test
    void fetchesANewTokenWhenLessThanThirtySecondsOfItsLifeRemain() throws IOException {
        endpoint = new TokenEndpoint(clock, JWSAlgorithm.RS384, TestKeys.RSA.getPublic(), null);
        endpoint.expiresIn = 60L;
        Authorizer authorizer = fromFile("RS384", TestKeys.RSA, Optional.empty());

        assertThat(authorizer.authorization()).contains("Bearer token-1");
        clock.advance(Duration.ofSeconds(29));
        assertThat(authorizer.authorization()).contains("Bearer token-1");
        clock.advance(Duration.ofSeconds(2));
        // the endpoint takes a second assertion only with a new jti and an exp counted from the new time
        assertThat(authorizer.authorization()).contains("Bearer token-2");
        assertThat(endpoint.rejections).isEmpty();
    }

    @Test
    void aTokenWithoutExpiresInLivesFiveMinutes() throws IOException {
        endpoint = new TokenEndpoint(clock, JWSAlgorithm.RS384, TestKeys.RSA.getPublic(), null);
        endpoint.expiresIn = null;
        Authorizer authorizer = fromFile("RS384", TestKeys.RSA, Optional.empty());

        assertThat(authorizer.authorization()).contains("Bearer token-1");
        clock.advance(Duration.ofSeconds(269));
        assertThat(authorizer.authorization()).contains("Bearer token-1");
        clock.advance(Duration.ofSeconds(2));
        assertThat(authorizer.authorization()).contains("Bearer token-2");
    }

    @Test
    void refreshAfterA401GivesANewToken() throws IOException {
        endpoint = new TokenEndpoint(clock, JWSAlgorithm.RS384, TestKeys.RSA.getPublic(), null);
        Authorizer authorizer = fromFile("RS384", TestKeys.RSA, Optional.empty());

        assertThat(authorizer.authorization()).contains("Bearer token-1");
        assertThat(authorizer.refresh()).isTrue();
        assertThat(authorizer.authorization()).contains("Bearer token-2");
        assertThat(endpoint.rejections).isEmpty();
    }

    @Test
    void aKeyTheServerDoesNotKnowIsRefusedWithoutTheServersWords() throws IOException {
        endpoint = new TokenEndpoint(clock, JWSAlgorithm.RS384, TestKeys.RSA.getPublic(), null);
        Authorizer authorizer = fromFile("RS384", TestKeys.OTHER_RSA, Optional.empty());

        assertThatThrownBy(authorizer::authorization)
                .isInstanceOf(RemoteSourceException.Refused.class)
                .hasMessageContainingAll("401", "invalid_client")
                .message().doesNotContain("signature", "eyJ", "PRIVATE KEY");
        assertThat(endpoint.rejections).containsExactly("the signature does not verify");
    }

    @Test
    void aServerErrorIsUnavailableWithItsRetryAfterAndNothingIsCached() throws IOException {
        endpoint = new TokenEndpoint(clock, JWSAlgorithm.RS384, TestKeys.RSA.getPublic(), null);
        Authorizer authorizer = fromFile("RS384", TestKeys.RSA, Optional.empty());
        endpoint.failWith = 503;
        endpoint.retryAfter = "7";

        assertThatThrownBy(authorizer::authorization)
                .isInstanceOfSatisfying(RemoteSourceException.Unavailable.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)))
                .hasMessageContaining("503");

        endpoint.failWith = null;
        assertThat(authorizer.authorization()).contains("Bearer token-1");
    }

    @Test
    void aRefusedConnectionIsUnavailable() throws IOException {
        endpoint = new TokenEndpoint(clock, JWSAlgorithm.RS384, TestKeys.RSA.getPublic(), null);
        Authorizer authorizer = fromFile("RS384", TestKeys.RSA, Optional.empty());
        endpoint.close();

        assertThatThrownBy(authorizer::authorization)
                .isInstanceOf(RemoteSourceException.Unavailable.class)
                .hasMessageContaining("cannot be reached");
    }

    @Test
    void aKeyThatCannotBeUsedIsRefusedBeforeAnyRequest() throws IOException {
        endpoint = new TokenEndpoint(clock, JWSAlgorithm.ES384, TestKeys.EC_P384.getPublic(), null);
        String pkcs1 = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n";
        String p256 = TestKeys.pem(TestKeys.ec("secp256r1").getPrivate());
        Map<String, String> env = Map.of("PKCS1", pkcs1, "P256", p256, "RSA", TestKeys.pem(TestKeys.RSA.getPrivate()));
        List<Authorizer> broken = new ArrayList<>();
        for (String name : List.of("UNSET", "PKCS1", "P256", "RSA")) {
            broken.add(new SmartBackendAuthorizer(smart("ES384", Optional.empty(), Optional.of(name), Optional.empty()), env::get, clock));
        }
        broken.add(new SmartBackendAuthorizer(smart("ES384", Optional.of(dir.resolve("absent.pem")), Optional.empty(), Optional.empty()),
                env::get, clock));

        assertThat(broken).allSatisfy(a -> assertThatThrownBy(a::authorization)
                .isInstanceOf(RemoteSourceException.Refused.class)
                .message().doesNotContain("MIIE"));
        assertThat(endpoint.requests).hasValue(0);
    }

    @Test
    void concurrentRequestsWaitForOneToken() throws Exception {
        endpoint = new TokenEndpoint(clock, JWSAlgorithm.RS384, TestKeys.RSA.getPublic(), null);
        Authorizer authorizer = fromFile("RS384", TestKeys.RSA, Optional.empty());
        endpoint.gate = new CountDownLatch(1);
        Queue<Optional<String>> headers = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) threads.add(new Thread(() -> headers.add(authorizer.authorization())));
        threads.forEach(Thread::start);

        // one thread is at the endpoint (held by the gate), the others wait for its token
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (threads.stream().filter(t -> t.getState() == Thread.State.BLOCKED).count() < 3 || endpoint.requests.get() < 1) {
            assertThat(System.nanoTime()).as("threads waiting for the token").isLessThan(deadline);
            Thread.onSpinWait();
        }
        endpoint.gate.countDown();
        for (Thread t : threads) t.join();

        assertThat(headers).hasSize(4).allSatisfy(h -> assertThat(h).contains("Bearer token-1"));
        assertThat(endpoint.requests).hasValue(1);
    }

    private Authorizer fromFile(String algorithm, KeyPair keys, Optional<String> keyId) throws IOException {
        Path file = Files.writeString(dir.resolve("smart.pem"), TestKeys.pem(keys.getPrivate()));
        return new SmartBackendAuthorizer(smart(algorithm, Optional.of(file), Optional.empty(), keyId), name -> null, clock);
    }

    private RemoteAuth.Smart smart(String algorithm, Optional<Path> keyFile, Optional<String> keyEnv, Optional<String> keyId) {
        return smart(endpoint.url, algorithm, keyFile, keyEnv, keyId);
    }

    static RemoteAuth.Smart smart(URI tokenUrl, String algorithm, Optional<Path> keyFile, Optional<String> keyEnv, Optional<String> keyId) {
        return new RemoteAuth.Smart(tokenUrl, TokenEndpoint.CLIENT_ID, algorithm, keyFile, keyEnv, keyId, TokenEndpoint.SCOPE);
    }
}
