package nl.verbeterhub.csv;

/**
 * The file as a whole cannot be read as an extract (domain.md §2): it goes to {@code .error/} with
 * this reason, and {@code validate} exits 2. The message names codes and columns only, never content.
 */
public class UnusableFileException extends Exception {

    /** Why a file is unusable; written into the reason file beside it. */
    public enum Reason {
        NOT_FOUND,
        EMPTY_FILE,
        NOT_TEXT,
        LINE_TOO_LONG,
        UNTERMINATED_QUOTE,
        MALFORMED_QUOTING,
        UNKNOWN_HEADER,
        AMBIGUOUS_HEADER,
        MISSING_COLUMN,
        DUPLICATE_COLUMN,
        UNREADABLE
    }

    private final Reason reason;

    public UnusableFileException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
