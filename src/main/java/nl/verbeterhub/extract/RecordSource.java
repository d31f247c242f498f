package nl.verbeterhub.extract;

import java.io.IOException;
import java.util.Set;
import nl.verbeterhub.record.RecordType;

/**
 * Where an extract's records come from: a CSV file, or the files of a FHIR bulk export or Bundle. The
 * ingest core ({@link ExtractIngest}) does what every source shares — check, pseudonymise, keep, count,
 * snapshot removal — so that a source only turns its input into rows of a record type.
 */
public interface RecordSource extends AutoCloseable {

    /**
     * Reads the extract once for its structure only, so that an unusable one is refused before anything
     * of it reaches the sink.
     *
     * @return the record types the extract may hold (their themes' drafts wait while it is committed)
     */
    Set<RecordType> open() throws UnusableFileException, IOException;

    /** Hands every record, and every removal the source asks for, to the consumer in the extract's order. */
    void read(RecordConsumer consumer) throws UnusableFileException, IOException;

    /**
     * The record types a snapshot extract is complete for (domain.md §2), read after {@link #read}: by
     * default every type {@link #open} named. A source of several types may narrow it to those it held.
     */
    default Set<RecordType> snapshotTypes(Set<RecordType> opened) {
        return opened;
    }

    /** What the source saw besides records, for the extract's own report; read after {@link #read}. */
    default SourceReport report() {
        return SourceReport.NONE;
    }

    @Override
    void close() throws IOException;
}
