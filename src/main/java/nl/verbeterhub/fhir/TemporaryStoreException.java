package nl.verbeterhub.fhir;

/**
 * The FHIR join store's own files failed: a table file could not be made, mapped, grown, written or removed
 * — mostly because the temporary folder is full. The export itself is not at fault, so it is retried rather
 * than put in {@code .error/}. Messages name the join folder and table only, never what was being stored.
 */
public class TemporaryStoreException extends RuntimeException {

    public TemporaryStoreException(String message) {
        super(message);
    }

    public TemporaryStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
