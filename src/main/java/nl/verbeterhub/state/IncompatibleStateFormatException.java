package nl.verbeterhub.state;

/**
 * The record store or the record-state topic holds keys of another format than this hub writes —
 * record pseudonyms of 43 characters, from before they were shortened to 128 bits (docs/decisions.md
 * 13). Applying or keeping them beside new keys would count every re-delivered record twice, so the
 * hub refuses: delete {@code data/} and the hub's topics (or point it at new ones) and deliver the
 * extracts again. The name says it in the log and in health; a message never quotes a key.
 */
public final class IncompatibleStateFormatException extends RuntimeException {

    IncompatibleStateFormatException() {
        this("record-state key of another format");
    }

    IncompatibleStateFormatException(String message) {
        super(message, null, false, false);
    }
}
