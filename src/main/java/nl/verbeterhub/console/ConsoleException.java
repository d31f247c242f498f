package nl.verbeterhub.console;

import org.springframework.http.HttpStatus;

/** A console request refused after login: the error page with this status and a message of the hub's own. */
final class ConsoleException extends RuntimeException {

    private final HttpStatus status;

    ConsoleException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }

    static ConsoleException notFound(String message) {
        return new ConsoleException(HttpStatus.NOT_FOUND, message);
    }

    static ConsoleException forbidden(String message) {
        return new ConsoleException(HttpStatus.FORBIDDEN, message);
    }
}
