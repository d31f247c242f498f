package nl.verbeterhub.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import nl.verbeterhub.extract.UnusableFileException;
import nl.verbeterhub.fhir.TemporaryStoreException;
import org.junit.jupiter.api.Test;

/** Retry or .error/: the hub's own scratch files running full is no fault of the export. */
class FailureClassifierTests {

    private final FailureClassifier classifier = new FailureClassifier();

    private static FileSystemException diskFull() {
        return new FileSystemException("/data/tmp/fhir-join-1/patients-2.table", null, "No space left on device");
    }

    @Test
    void aFullTemporaryFolderIsRetriable() {
        TemporaryStoreException full = new TemporaryStoreException("cannot map the patients table in fhir-join-1", diskFull());
        assertThat(classifier.classify(full)).isEqualTo(Failure.RETRIABLE);
        assertThat(classifier.classify(new RuntimeException("route failed", full))).as("wrapped").isEqualTo(Failure.RETRIABLE);
        assertThat(classifier.classify(new TemporaryStoreException("no room to grow the aliases table in fhir-join-1")))
                .isEqualTo(Failure.RETRIABLE);
        assertThat(classifier.classify(new TemporaryStoreException("memory access to the intakes table in fhir-join-1 failed",
                new InternalError("a fault occurred in an unsafe memory access operation")))).isEqualTo(Failure.RETRIABLE);
    }

    @Test
    void aFullDiskAnywhereIsRetriable() {
        assertThat(classifier.classify(new UncheckedIOException(diskFull()))).isEqualTo(Failure.RETRIABLE);
        assertThat(classifier.classify(new IOException("No space left on device"))).as("as FileOutputStream says it")
                .isEqualTo(Failure.RETRIABLE);
        assertThat(classifier.classify(new IOException("Stream closed"))).isEqualTo(Failure.POISON);
    }

    @Test
    void theDataItselfAndTheUnforeseenArePoison() {
        assertThat(classifier.classify(new UnusableFileException(UnusableFileException.Reason.NOT_FOUND, "x.ndjson")))
                .isEqualTo(Failure.POISON);
        assertThat(classifier.classify(new IllegalStateException("a bug"))).isEqualTo(Failure.POISON);
    }

    @Test
    void describesItWithoutItsMessage() {
        assertThat(FailureClassifier.describe(new TemporaryStoreException("cannot map the patients table in fhir-join-1", diskFull())))
                .isEqualTo("INTERNAL_ERROR: TemporaryStoreException");
    }
}
