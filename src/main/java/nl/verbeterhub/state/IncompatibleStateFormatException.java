package nl.verbeterhub.state;

/**
 * The record-state topic holds keys of another format than this hub writes — record pseudonyms of 43
 * characters, from before they were shortened to 128 bits (docs/decisions.md 13). Applying them beside
 * new keys would count every re-delivered record twice, so the hub refuses: delete {@code data/} and
 * the hub's topics (or point it at new ones) and deliver the extracts again. The name says it all in
 * the log and in health; there is no message, as a key must never be quoted.
 */
public final class IncompatibleStateFormatException extends RuntimeException {

    IncompatibleStateFormatException() {
        super("record-state key of another format", null, false, false);
    }
}
