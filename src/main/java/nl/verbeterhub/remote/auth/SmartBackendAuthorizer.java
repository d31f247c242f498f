package nl.verbeterhub.remote.auth;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.verbeterhub.connector.RemoteAuth;
import nl.verbeterhub.failure.RemoteSourceException;

/**
 * SMART Backend Services: OAuth2 client credentials, the client authenticated by a {@code private_key_jwt}
 * assertion signed with RS384 or ES384. The access token is cached until little of its life remains.
 * Messages name a status or an OAuth error code, never a token, the key, the assertion or an answer's body.
 */
public final class SmartBackendAuthorizer implements Authorizer {

    /** The token's life when the server leaves {@code expires_in} out (SMART suggests 5 minutes). */
    static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(300);
    /** A fresh token is fetched when less than this (or a tenth of its life) remains: requests take time. */
    static final Duration MARGIN = Duration.ofSeconds(30);
    /** SMART allows at most 5 minutes; a minute less leaves room for a server's clock running behind ours. */
    static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(4);

    private static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final Set<String> OAUTH_ERRORS = Set.of("invalid_request", "invalid_client", "invalid_grant",
            "unauthorized_client", "unsupported_grant_type", "invalid_scope");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RemoteAuth.Smart settings;
    private final Function<String, String> environment;
    private final Clock clock;
    private final HttpClient http;
    private Token token; // guarded by this

    public SmartBackendAuthorizer(RemoteAuth.Smart settings, Function<String, String> environment, Clock clock) {
        this.settings = settings;
        this.environment = environment;
        this.clock = clock;
        // never follows redirects (the default): the assertion goes to the configured endpoint only
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Synchronized so that concurrent requests wait for one token instead of each fetching their own. */
    @Override
    public synchronized Optional<String> authorization() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(token.renewAt())) token = fetch(now);
        return Optional.of("Bearer " + token.value());
    }

    @Override
    public synchronized boolean refresh() {
        token = null;
        return true;
    }

    private Token fetch(Instant now) {
        String form = Map.of("grant_type", "client_credentials", "scope", settings.scope(),
                        "client_assertion_type", ASSERTION_TYPE, "client_assertion", assertion(now))
                .entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(settings.tokenUrl()).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RemoteSourceException.Unavailable(where() + " cannot be reached (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteSourceException.Unavailable(where() + ": interrupted", null);
        }
        return token(now, response);
    }

    private Token token(Instant requested, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 408 || status == 429 || status >= 500) {
            throw new RemoteSourceException.Unavailable(where() + " answered " + status,
                    response.headers().firstValue("Retry-After").flatMap(this::retryAfter), null);
        }
        JsonNode body = parse(response.body());
        // of a refusal only the OAuth error code is kept, and only a standard one: descriptions may echo input
        if (status != 200) {
            String error = body.path("error").asText("");
            throw new RemoteSourceException.Refused(where() + " answered " + status
                    + (OAUTH_ERRORS.contains(error) ? " " + error : ""), null);
        }
        String value = body.path("access_token").asText("");
        if (value.isEmpty()) throw new RemoteSourceException.Unavailable(where() + " answered without an access_token", null);
        if (!body.path("token_type").asText("bearer").equalsIgnoreCase("bearer")) {
            throw new RemoteSourceException.Refused(where() + " issued a token that is not a bearer token", null);
        }
        long seconds = body.path("expires_in").asLong(0);
        Duration life = seconds > 0 ? Duration.ofSeconds(seconds) : DEFAULT_LIFETIME;
        Duration margin = max(MARGIN, life.dividedBy(10));
        // a very short life would otherwise mean a new token for every request
        if (margin.compareTo(life.dividedBy(2)) > 0) margin = life.dividedBy(2);
        return new Token(value, requested.plus(life).minus(margin));
    }

    private String assertion(Instant now) {
        JWSAlgorithm algorithm = JWSAlgorithm.parse(settings.algorithm());
        PrivateKey key = PemKeys.read(pem(), settings.algorithm());
        JWSHeader header = new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).keyID(settings.keyId().orElse(null)).build();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(settings.clientId())
                .subject(settings.clientId())
                .audience(settings.tokenUrl().toString())
                .expirationTime(Date.from(now.plus(ASSERTION_LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        try {
            JWSSigner signer = key instanceof ECPrivateKey ec ? new ECDSASigner(ec) : new RSASSASigner(key);
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new RemoteSourceException.Refused("the SMART assertion cannot be signed with " + algorithm, null);
        }
    }

    /** Read for each new token, so that a rotated key takes effect without a restart. */
    private String pem() {
        if (settings.keyEnv().isPresent()) {
            String env = settings.keyEnv().get();
            String pem = environment.apply(env);
            if (pem == null || pem.isBlank()) {
                throw new RemoteSourceException.Refused("the environment variable " + env + " holding the SMART key is not set", null);
            }
            return pem;
        }
        try {
            return Files.readString(settings.keyFile().orElseThrow());
        } catch (IOException e) {
            throw new RemoteSourceException.Refused("the SMART key file " + settings.keyFile().get() + " cannot be read ("
                    + e.getClass().getSimpleName() + ")", null);
        }
    }

    /** An answer that is not JSON (a proxy's HTML page) reads as empty. */
    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null ? "" : body);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    /** {@code Retry-After} as seconds or as an HTTP date. */
    private Optional<Duration> retryAfter(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(max(Duration.ZERO, Duration.between(clock.instant(), at)));
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private String where() {
        return "the SMART token endpoint at " + settings.tokenUrl().getHost();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private record Token(String value, Instant renewAt) {

        /** A record would print the token. */
        @Override
        public String toString() {
            return "Token[renewAt=" + renewAt + "]";
        }
    }
}
