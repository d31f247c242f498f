package nl.verbeterhub.kafka;

/**
 * A topic the hub needs exists with settings that would make it lose or misplace data (a delete policy on
 * a state topic, another partition count, fewer replicas than configured): the hub does not run on it.
 */
public final class TopicMismatchException extends RuntimeException {

    public TopicMismatchException(String message) {
        super(message);
    }
}
