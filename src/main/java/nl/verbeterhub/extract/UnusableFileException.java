package nl.verbeterhub.extract;

/**
 * The extract as a whole cannot be read (domain.md §2, §6): it goes to {@code .error/} with this reason,
 * and {@code validate} exits 2. The message names codes, files, columns and lines only, never content;
 * where the cause is common it says what to do (a file that is no UTF-8: the connector's {@code charset}).
 */
public class UnusableFileException extends Exception {

    /** Why an extract is unusable; written into the reason file beside it. */
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
        UNREADABLE,
        /** A FHIR file that is no JSON, or whose JSON breaks off or is malformed (a Bundle, a single resource). */
        NOT_JSON,
        /** JSON, but no FHIR resource: no {@code resourceType}, or an NDJSON file of which no line is one. */
        NOT_FHIR,
        /** A Bundle of a type the hub does not read (only collection, searchset, transaction and batch). */
        UNSUPPORTED_BUNDLE_TYPE,
        /** A file or folder the inbox cannot read as an extract of its connector's type. */
        UNSUPPORTED_FILE,
        /** A bulk export folder without files to read. */
        EMPTY_EXPORT,
        /** A bulk export manifest that cannot be read, or names a file the folder does not hold. */
        BAD_MANIFEST
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
