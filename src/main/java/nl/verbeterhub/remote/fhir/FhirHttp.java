package nl.verbeterhub.remote.fhir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.verbeterhub.failure.RemoteSourceException;
import nl.verbeterhub.remote.auth.Authorizer;

/**
 * GET requests to one FHIR server, classified for the one failure classifier: 429 and 5xx (with their
 * {@code Retry-After}), refused connections and timeouts are {@link RemoteSourceException.Unavailable};
 * a 401 refreshes the authorisation once and retries once; any other 4xx is
 * {@link RemoteSourceException.Refused}. A request the server turns away for a moment is tried again in
 * place a few times (a long run must not start over for one busy answer). Only URLs of the configured
 * server are requested, so a {@code next} link cannot send the token elsewhere. Messages name the status
 * and the request's purpose, never a URL's query, a token or the server's answer.
 */
final class FhirHttp {

    /** The whole answer, body included: a body that stalls must not hold the pull for ever. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);
    /** Tries of one request the server answers 429 or 5xx, waiting as it asks, before the run is given up. */
    static final int TRIES = 4;
    /** A longer Retry-After is not waited for in place: the run is given up and the route's back-off waits. */
    private static final Duration LONGEST_WAIT_IN_PLACE = Duration.ofSeconds(30);

    private final HttpClient client;
    private final URI base;
    private final Authorizer authorizer;
    private final Clock clock;
    private long requests;

    FhirHttp(HttpClient client, URI base, Authorizer authorizer, Clock clock) {
        this.client = client;
        this.base = base;
        this.authorizer = authorizer;
        this.clock = clock;
    }

    static HttpClient newClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** {@code relative} against the base URL ({@code Observation?code=…}). */
    URI resolve(String relative) {
        return URI.create(base + "/" + relative);
    }

    /** The response of a GET; its body is the page as bytes (a page is the unit, never one resource). */
    HttpResponse<byte[]> get(URI uri, String purpose) {
        if (!sameOrigin(base, uri)) {
            throw new RemoteSourceException.Refused("the server's " + purpose + " links to another server; not followed", null);
        }
        for (int attempt = 1; ; attempt++) {
            HttpResponse<byte[]> response = send(uri, purpose);
            if (response.statusCode() == 401 && authorizer.refresh()) response = send(uri, purpose);
            int status = response.statusCode();
            if (status / 100 == 2) return response;
            String what = "HTTP " + status + " on " + purpose;
            if (status != 429 && status / 100 != 5) throw new RemoteSourceException.Refused(what, null);
            Optional<Duration> retryAfter = retryAfter(response);
            Duration wait = retryAfter.orElse(Duration.ofSeconds(1L << (attempt - 1)));
            if (attempt >= TRIES || wait.compareTo(LONGEST_WAIT_IN_PLACE) > 0) {
                throw new RemoteSourceException.Unavailable(what, retryAfter, null);
            }
            pause(wait, purpose);
        }
    }

    /** Waits as the server asked before asking again (this connector's pull thread only). */
    private static void pause(Duration wait, String purpose) {
        try {
            TimeUnit.MILLISECONDS.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteSourceException.Unavailable(purpose + " interrupted", null);
        }
    }

    private HttpResponse<byte[]> send(URI uri, String purpose) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET()
                .header("Accept", "application/fhir+json");
        authorizer.authorization().ifPresent(value -> request.header("Authorization", value));
        requests++;
        var answer = client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        try {
            // The request's own timeout ends when the headers arrive; this bounds the body as well.
            return answer.get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            answer.cancel(true);
            // Refused connections, resets and timeouts alike: the server is not there now.
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new RemoteSourceException.Unavailable(purpose + " failed: " + cause.getClass().getSimpleName(), null);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new RemoteSourceException.Unavailable(purpose + " interrupted", null);
        }
    }

    /** Scheme, host and port, with the scheme's default port filled in ({@code https://h} is {@code https://h:443}). */
    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && b.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) return uri.getPort();
        return "https".equals(uri.getScheme().toLowerCase(Locale.ROOT)) ? 443 : 80;
    }

    /** {@code Retry-After} in seconds or as an HTTP date. */
    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> value = response.headers().firstValue("Retry-After").map(String::trim);
        if (value.isEmpty()) return Optional.empty();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.get()))));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException unreadable) {
                return Optional.empty();
            }
        }
    }

    /** Requests sent since this client was made (for the benchmark's requests per 1,000 records). */
    long requests() {
        return requests;
    }
}
