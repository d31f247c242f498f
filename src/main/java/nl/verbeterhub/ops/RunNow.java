package nl.verbeterhub.ops;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Operators' "run now" requests for remote connectors (decision 80): the pull route is restarted, and a
 * pull whose own schedule would wait (a bulk export's next kick-off) takes the request and runs at once.
 */
public final class RunNow {

    private final Set<String> requested = ConcurrentHashMap.newKeySet();

    public void request(String connector) {
        requested.add(connector);
    }

    /** Whether a run was requested since the last take; the request is used up. */
    public boolean take(String connector) {
        return requested.remove(connector);
    }
}
