package nl.verbeterhub.kafka;

/**
 * The hospital's partition belongs to another hub instance (or is being handed over): this instance must
 * not write or publish for it. Retriable: the file stays where it is, for its owner.
 */
public final class NotOwnedException extends RuntimeException {

    public NotOwnedException(String agbOrPartition) {
        super("hospital partition not owned by this instance: " + agbOrPartition);
    }

    public NotOwnedException(String agb, Throwable cause) {
        super("hospital " + agb + " was handed over to another instance during the extract", cause);
    }
}
