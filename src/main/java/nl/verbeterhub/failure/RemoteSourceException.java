package nl.verbeterhub.failure;

import java.time.Duration;
import java.util.Optional;

/**
 * A remote source (FHIR server, bulk {@code $export}, SFTP) failed a pull. Its message is content-free
 * (a status code, a phase, a host), never a token, a URL's query or a server's answer: it reaches health
 * and logs. {@link Unavailable} is worth a retry; {@link Refused} stops the connector until an operator
 * fixes its configuration or the source.
 */
public abstract sealed class RemoteSourceException extends RuntimeException {

    RemoteSourceException(String message, Throwable cause) {
        super(message, cause);
    }

    /** 429, 5xx, connection refused, a timeout: back off and try the run again; nothing was advanced. */
    public static final class Unavailable extends RemoteSourceException {

        private final transient Optional<Duration> retryAfter;

        public Unavailable(String message, Optional<Duration> retryAfter, Throwable cause) {
            super(message, cause);
            this.retryAfter = retryAfter;
        }

        public Unavailable(String message, Throwable cause) {
            this(message, Optional.empty(), cause);
        }

        /** The server's {@code Retry-After}, when it gave one. */
        public Optional<Duration> retryAfter() {
            return retryAfter;
        }
    }

    /** A 4xx other than 401 and 429 (a bad query, a forbidden scope), a changed host key: stop the connector. */
    public static final class Refused extends RemoteSourceException {

        public Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
