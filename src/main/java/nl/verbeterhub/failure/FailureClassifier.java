package nl.verbeterhub.failure;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.util.concurrent.TimeoutException;
import nl.verbeterhub.draft.DraftPublisher;
import nl.verbeterhub.extract.UnusableFileException;
import nl.verbeterhub.fhir.TemporaryStoreException;
import nl.verbeterhub.kafka.KafkaExtractSink;
import nl.verbeterhub.kafka.NotOwnedException;
import nl.verbeterhub.state.StateStoreException;
import org.apache.camel.Exchange;
import org.apache.kafka.common.KafkaException;

/**
 * The one place that decides whether a failure is worth a retry or is the data's own fault
 * (design-notes §6). Retriable: the broker or network (every Kafka failure), a state not yet restored,
 * a store or file system that refuses for now. Poison: an unusable file — and, so that a bug never
 * blocks a connector forever, anything unforeseen (the file goes to .error/ and can be dropped again).
 */
public final class FailureClassifier {

    public Failure classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnusableFileException) return Failure.POISON;
            if (t instanceof RemoteSourceException.Refused) return Failure.STOP;
            if (t instanceof RemoteSourceException.Unavailable) return Failure.RETRIABLE;
            if (t instanceof KafkaException
                    || t instanceof KafkaExtractSink.KafkaSendException
                    || t instanceof DraftPublisher.DraftPublishException
                    || t instanceof NotReadyException
                    // Handed over to another instance: the file stays for its new owner.
                    || t instanceof NotOwnedException
                    || t instanceof TimeoutException
                    || t instanceof InterruptedException
                    || t instanceof StateStoreException
                    // The hub's own scratch files failed (data/tmp full), not the export: it will go through later.
                    || t instanceof TemporaryStoreException
                    || t instanceof AccessDeniedException
                    || t instanceof IOException && diskFull(t.getMessage())) {
                return Failure.RETRIABLE;
            }
        }
        return Failure.POISON;
    }

    /** The hub's disk is full (writing state, spills, reason files): the export is sound and will go through later. */
    private static boolean diskFull(String message) {
        return message != null && (message.contains("No space left on device") || message.contains("Disk quota exceeded"));
    }

    /**
     * Whether the failure is the brokers' (a send, a transaction, a publish that Kafka did not take): then
     * nothing can be committed for any connector, and the hub's health is DOWN until it goes through.
     */
    public static boolean brokerFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof KafkaException || t instanceof KafkaExtractSink.KafkaSendException
                    || t instanceof DraftPublisher.DraftPublishException) {
                return true;
            }
        }
        return false;
    }

    /** For the routes' error handler: should this exchange's failure be redelivered? */
    public boolean isRetriable(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (caught == null) caught = exchange.getException();
        return caught != null && classify(caught) == Failure.RETRIABLE;
    }

    /** For the pull routes' error handler: does this exchange's failure stop the connector? */
    public boolean isStop(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (caught == null) caught = exchange.getException();
        return caught != null && classify(caught) == Failure.STOP;
    }

    /** A short, content-free description of the failure for reason files and health details. */
    public static String describe(Throwable failure) {
        if (failure instanceof UnusableFileException u) {
            return u.getMessage();
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RemoteSourceException r) return r.getMessage();
        }
        return "INTERNAL_ERROR: " + failure.getClass().getSimpleName();
    }
}
