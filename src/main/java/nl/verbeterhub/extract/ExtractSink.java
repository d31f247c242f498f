package nl.verbeterhub.extract;

import nl.verbeterhub.state.StateKey;

/**
 * Where an extract's outcome goes while it is read: the Kafka transaction in the running hub, the
 * temporary store in {@code validate}. Implementations throw unchecked exceptions; the route's failure
 * classifier decides whether they are worth a retry.
 */
public interface ExtractSink {

    /** Keeps an accepted record (a later version of the same key replaces it). */
    void put(StateKey key, byte[] storedRecord);

    /** Removes a record a snapshot extract no longer contains. */
    void remove(StateKey key);

    void reject(Rejection rejection);
}
