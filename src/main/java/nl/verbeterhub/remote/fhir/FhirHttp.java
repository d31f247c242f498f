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
import java.util.Optional;
import nl.verbeterhub.failure.RemoteSourceException;
import nl.verbeterhub.remote.auth.Authorizer;

/**
 * GET requests to one FHIR server, classified for the one failure classifier: 429 and 5xx (with their
 * {@code Retry-After}), refused connections and timeouts are {@link RemoteSourceException.Unavailable};
 * a 401 refreshes the authorisation once and retries once; any other 4xx is
 * {@link RemoteSourceException.Refused}. Only URLs of the configured server are ever requested, so a
 * {@code next} link cannot send the token elsewhere. Messages name the status and the request's purpose,
 * never a URL's query, a token or the server's answer.
 */
final class FhirHttp {

    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

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

    /** {@code relative} against the base URL ({@code Observation?code=…}), or an absolute URL of the same server. */
    URI resolve(String relative) {
        return URI.create(base + "/" + relative);
    }

    /** The response of a GET; its body is the page as bytes (a page is the unit, never one resource). */
    HttpResponse<byte[]> get(URI uri, String purpose) {
        if (!sameServer(uri)) {
            throw new RemoteSourceException.Refused("the server's " + purpose + " links to another server; not followed", null);
        }
        HttpResponse<byte[]> response = send(uri, purpose);
        if (response.statusCode() == 401 && authorizer.refresh()) response = send(uri, purpose);
        int status = response.statusCode();
        if (status / 100 == 2) return response;
        String what = "HTTP " + status + " on " + purpose;
        if (status == 429 || status / 100 == 5) {
            throw new RemoteSourceException.Unavailable(what, retryAfter(response), null);
        }
        throw new RemoteSourceException.Refused(what, null);
    }

    private HttpResponse<byte[]> send(URI uri, String purpose) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET()
                .header("Accept", "application/fhir+json");
        authorizer.authorization().ifPresent(value -> request.header("Authorization", value));
        requests++;
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            // Refused connections, resets and timeouts alike: the server is not there now.
            throw new RemoteSourceException.Unavailable(purpose + " failed: " + e.getClass().getSimpleName(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteSourceException.Unavailable(purpose + " interrupted", null);
        }
    }

    private boolean sameServer(URI uri) {
        return base.getScheme().equalsIgnoreCase(uri.getScheme()) && base.getHost().equalsIgnoreCase(uri.getHost())
                && base.getPort() == uri.getPort();
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
