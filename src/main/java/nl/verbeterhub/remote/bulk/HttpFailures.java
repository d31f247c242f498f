package nl.verbeterhub.remote.bulk;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import nl.verbeterhub.failure.RemoteSourceException;

/** What an HTTP answer of a remote source means for the pull: worth a retry (when), or a refusal. */
final class HttpFailures {

    private HttpFailures() {
    }

    /**
     * 429 and 5xx: unavailable, with the server's {@code Retry-After}. Any other status where success was
     * expected (4xx, a 401 that a refresh did not cure, an unexpected redirect) refuses the connector: repeating
     * the request cannot help. The message names the phase and the code only.
     */
    static RemoteSourceException of(String phase, int code, HttpHeaders headers) {
        String what = phase + " answered HTTP " + code;
        if (code == 429 || code >= 500) return new RemoteSourceException.Unavailable(what, retryAfter(headers, Instant.now()), null);
        return new RemoteSourceException.Refused(what, null);
    }

    /** {@code Retry-After} as delta-seconds or an HTTP-date; empty when absent or unreadable. */
    static Optional<Duration> retryAfter(HttpHeaders headers, Instant now) {
        return headers.firstValue("Retry-After").flatMap(v -> retryAfter(v, now));
    }

    static Optional<Duration> retryAfter(String value, Instant now) {
        String v = value.trim();
        if (v.matches("\\d{1,9}")) return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        try {
            Duration d = Duration.between(now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
