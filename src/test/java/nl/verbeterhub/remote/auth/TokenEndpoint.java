package nl.verbeterhub.remote.auth;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * An OAuth2 token endpoint for SMART Backend Services that verifies each client assertion as a server
 * would (signature, {@code aud}, {@code iss}/{@code sub}, {@code exp} at most 5 minutes ahead, a {@code jti}
 * never seen before) and issues {@code token-1}, {@code token-2}, … with a short {@code expires_in}.
 */
final class TokenEndpoint implements AutoCloseable {

    static final String CLIENT_ID = "verbeterhub-test";
    static final String SCOPE = "system/*.rs";

    final URI url;
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger issued = new AtomicInteger();
    /** Why assertions were rejected; a test that expects tokens expects this empty. */
    final List<String> rejections = new CopyOnWriteArrayList<>();

    /** Omitted from the answer when null. */
    volatile Long expiresIn = 60L;
    /** Answers every request with this status (e.g. 503) when set. */
    volatile Integer failWith;
    volatile String retryAfter;
    /** Holds each request until counted down, when set. */
    volatile CountDownLatch gate;

    private final HttpServer server;
    private final Clock clock;
    private final JWSAlgorithm algorithm;
    private final PublicKey key;
    private final String keyId;
    private final Set<String> seenJtis = ConcurrentHashMap.newKeySet();

    TokenEndpoint(Clock clock, JWSAlgorithm algorithm, PublicKey key, String keyId) throws IOException {
        this.clock = clock;
        this.algorithm = algorithm;
        this.key = key;
        this.keyId = keyId;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/auth/token", this::handle);
        server.start();
        url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/auth/token");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            requests.incrementAndGet();
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), UTF_8));
            CountDownLatch g = gate;
            if (g != null) g.await();
            if (failWith != null) {
                if (retryAfter != null) exchange.getResponseHeaders().add("Retry-After", retryAfter);
                respond(exchange, failWith, "{\"error\":\"temporarily_unavailable\"}");
                return;
            }
            String rejection = check(exchange, form);
            if (rejection == null) {
                respond(exchange, 200, "{\"access_token\":\"token-" + issued.incrementAndGet() + "\",\"token_type\":\"bearer\","
                        + (expiresIn == null ? "" : "\"expires_in\":" + expiresIn + ",") + "\"scope\":\"" + SCOPE + "\"}");
                return;
            }
            rejections.add(rejection);
            boolean client = rejection.equals("the signature does not verify");
            respond(exchange, client ? 401 : 400, "{\"error\":\"" + (client ? "invalid_client" : "invalid_grant")
                    + "\",\"error_description\":\"" + rejection + "\"}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    /** The reason to reject the request, or null. */
    private String check(HttpExchange exchange, Map<String, String> form) {
        if (!exchange.getRequestMethod().equals("POST")) return "not a POST";
        if (!Objects.toString(exchange.getRequestHeaders().getFirst("Content-Type"), "").startsWith("application/x-www-form-urlencoded")) {
            return "not a form";
        }
        if (!"client_credentials".equals(form.get("grant_type"))) return "grant_type";
        if (!SCOPE.equals(form.get("scope"))) return "scope";
        if (!"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(form.get("client_assertion_type"))) {
            return "client_assertion_type";
        }
        try {
            SignedJWT jwt = SignedJWT.parse(form.get("client_assertion"));
            if (!jwt.getHeader().getAlgorithm().equals(algorithm)) return "alg";
            if (!JOSEObjectType.JWT.equals(jwt.getHeader().getType())) return "typ";
            if (!Objects.equals(keyId, jwt.getHeader().getKeyID())) return "kid";
            JWSVerifier verifier = key instanceof RSAPublicKey rsa ? new RSASSAVerifier(rsa) : new ECDSAVerifier((ECPublicKey) key);
            if (!jwt.verify(verifier)) return "the signature does not verify";
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!List.of(url.toString()).equals(claims.getAudience())) return "aud";
            if (!CLIENT_ID.equals(claims.getIssuer()) || !CLIENT_ID.equals(claims.getSubject())) return "iss or sub";
            Instant now = clock.instant();
            Instant exp = claims.getExpirationTime() == null ? null : claims.getExpirationTime().toInstant();
            if (exp == null || !exp.isAfter(now) || exp.isAfter(now.plus(Duration.ofMinutes(5)))) return "exp";
            if (claims.getJWTID() == null || !seenJtis.add(claims.getJWTID())) return "jti replayed";
            return null;
        } catch (ParseException | JOSEException | RuntimeException e) {
            return "not a signed JWT";
        }
    }

    private static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> URLDecoder.decode(p[0], UTF_8), p -> p.length > 1 ? URLDecoder.decode(p[1], UTF_8) : ""));
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        // a held request would keep the server from stopping
        CountDownLatch g = gate;
        if (g != null) g.countDown();
        server.stop(0);
    }
}
