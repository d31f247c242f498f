package nl.verbeterhub.extract;

import java.util.Set;
import nl.verbeterhub.state.StateKey;
import nl.verbeterhub.theme.Theme;

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

    /** The extract proved usable and may feed these themes; nothing was put yet. */
    default void started(Set<Theme> themes) {
    }

    /**
     * A point where the sink may make what it received so far durable. The file was verified as
     * usable before the first row, so a part of it is never a part of an unusable file.
     */
    default void checkpoint() {
    }
}
