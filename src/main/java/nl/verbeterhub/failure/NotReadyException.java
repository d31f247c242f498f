package nl.verbeterhub.failure;

/** The hub cannot take an extract yet (state still being restored, broker away); retried later. */
public class NotReadyException extends RuntimeException {

    public NotReadyException(String reason) {
        super(reason);
    }
}
