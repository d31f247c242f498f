package nl.verbeterhub.status;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.verbeterhub.failure.NotReadyException;

/**
 * Whether the hub has restored its state and may take extracts; until then routes back off and health
 * says why.
 */
public final class HubReadiness {

    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile String waitingFor = "starting";

    public void waitingFor(String reason) {
        this.waitingFor = reason;
    }

    public void ready() {
        waitingFor = null;
        ready.countDown();
    }

    public boolean isReady() {
        return ready.getCount() == 0;
    }

    /** Null once ready, else what the hub is waiting for. */
    public String waitingFor() {
        return waitingFor;
    }

    public void awaitReady(Duration timeout) {
        try {
            if (!ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new NotReadyException("hub not ready: " + waitingFor);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotReadyException("interrupted while waiting for the hub to be ready");
        }
    }
}
