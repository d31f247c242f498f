package nl.verbeterhub.csv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import nl.verbeterhub.extract.Position;
import nl.verbeterhub.extract.RecordConsumer;
import nl.verbeterhub.extract.RecordSource;
import nl.verbeterhub.extract.UnusableFileException;
import nl.verbeterhub.record.RecordType;

/** One CSV file as a record source: one record type, its data rows by physical line. */
public final class CsvRecordSource implements RecordSource {

    private final Path file;
    private final String name;
    private final CsvExtractReader.Options options;
    private CsvExtractReader reader;

    /** @param name the file's name as delivered, which positions name */
    public CsvRecordSource(Path file, String name, CsvExtractReader.Options options) {
        this.file = file;
        this.name = name;
        this.options = options;
    }

    @Override
    public Set<RecordType> open() throws UnusableFileException, IOException {
        CsvExtractReader.verify(file, options);
        reader = CsvExtractReader.open(file, options);
        return Set.of(reader.recordType());
    }

    @Override
    public void read(RecordConsumer consumer) throws UnusableFileException, IOException {
        consumer.at(name, Position.Kind.LINE);
        Rows rows = new Rows(reader, consumer);
        while (rows.readSome()) {
            // next batch
        }
    }

    /**
     * The rows of one file, read a batch per call: the JIT then compiles the per-row work as a method of
     * its own, kept from file to file, instead of recompiling one long loop for every file it reads (that
     * cost about a second of compiler time per large file, docs/benchmarks.md).
     */
    private static final class Rows {
        private static final int BATCH = 4_096;

        private final CsvExtractReader reader;
        private final RecordConsumer consumer;
        private final RecordType type;

        Rows(CsvExtractReader reader, RecordConsumer consumer) {
            this.reader = reader;
            this.consumer = consumer;
            this.type = reader.recordType();
        }

        /** Reads up to a batch of rows into the consumer; false once the file has no more. */
        boolean readSome() throws UnusableFileException {
            for (int i = 0; i < BATCH; i++) {
                if (!reader.next()) return false;
                consumer.record(type, reader.row(), reader.line(), null, false);
            }
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        if (reader != null) reader.close();
    }
}
