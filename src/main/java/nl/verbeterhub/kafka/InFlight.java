package nl.verbeterhub.kafka;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Counts sends that have not been answered yet and keeps the first failure. Waiting on it replaces
 * {@code producer.flush()}, which can block without end inside a transaction whose coordinator is away;
 * here the wait is bounded, and a broker that does not answer becomes a retriable timeout.
 */
final class InFlight {

    interface Acknowledged {
        void acknowledged(RecordMetadata metadata);
    }

    private final Object lock = new Object();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private long pending;

    /** A callback for one more send; {@code onSuccess} runs on the producer's I/O thread. */
    Callback track(Acknowledged onSuccess) {
        synchronized (lock) {
            pending++;
        }
        return (metadata, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            } else if (onSuccess != null) {
                onSuccess.acknowledged(metadata);
            }
            synchronized (lock) {
                pending--;
                lock.notifyAll();
            }
        };
    }

    Exception failure() {
        return failure.get();
    }

    /** Waits until every tracked send was answered. */
    void await(Duration timeout) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (pending > 0) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new TimeoutException(pending + " send(s) not acknowledged within " + timeout);
                }
                lock.wait(left);
            }
        }
    }
}
