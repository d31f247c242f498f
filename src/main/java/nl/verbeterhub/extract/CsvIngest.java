package nl.verbeterhub.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.verbeterhub.csv.CsvExtractReader;
import nl.verbeterhub.csv.UnusableFileException;
import nl.verbeterhub.pseudonym.PseudonymSecret;
import nl.verbeterhub.pseudonym.Pseudonymizer;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.record.RowParser;
import nl.verbeterhub.record.RowResult;
import nl.verbeterhub.state.RecordStore;
import nl.verbeterhub.state.ScratchSet;
import nl.verbeterhub.state.StateKey;
import nl.verbeterhub.state.StoredRecord;
import nl.verbeterhub.time.Amsterdam;

/**
 * Reads one CSV extract row by row — parse, check, pseudonymise — and hands each outcome to a sink.
 * The same code serves the routes and {@code validate}; records never become Camel exchanges
 * (design-notes §4). For a snapshot extract it also removes what the extract no longer contains.
 */
public final class CsvIngest {

    /** Rows between two checkpoints of the sink, unless configured otherwise. */
    public static final int DEFAULT_CHECKPOINT_ROWS = 100_000;

    private final RecordStore store;
    private final PseudonymSecret secret;
    private final int pseudonymCacheSize;
    private final Map<RecordType, RowParser> parsers;
    private final Clock clock;
    private final int checkpointRows;

    public CsvIngest(RecordStore store, PseudonymSecret secret, int pseudonymCacheSize,
                     Map<RecordType, RowParser> parsers, Clock clock) {
        this(store, secret, pseudonymCacheSize, parsers, clock, DEFAULT_CHECKPOINT_ROWS);
    }

    /** @param checkpointRows rows between two checkpoints of the sink (parts of a transaction) */
    public CsvIngest(RecordStore store, PseudonymSecret secret, int pseudonymCacheSize,
                     Map<RecordType, RowParser> parsers, Clock clock, int checkpointRows) {
        this.checkpointRows = checkpointRows;
        this.store = store;
        this.secret = secret;
        this.pseudonymCacheSize = pseudonymCacheSize;
        this.parsers = parsers;
        this.clock = clock;
    }

    /**
     * Reads the whole file into the sink: first once for its structure only, so that an unusable file
     * is refused before anything of it reaches the sink, then row by row.
     *
     * @return the extract's commit marker, to be written once the sink holds everything
     * @throws UnusableFileException when the file as a whole cannot be read
     */
    public ExtractCommit ingest(ExtractSource source, Path file, ExtractSink sink) throws UnusableFileException, IOException {
        CsvExtractReader.verify(file, source.csv());
        try (CsvExtractReader reader = CsvExtractReader.open(file, source.csv());
             SnapshotTracker snapshot = source.snapshot() ? new SnapshotTracker(source, store.newScratchSet()) : null) {
            RecordType type = reader.recordType();
            Rows rows = new Rows(source, type, parsers.get(type), new Pseudonymizer(secret, pseudonymCacheSize),
                    snapshot, sink);
            sink.started(type);
            while (rows.readSome(reader)) {
                // next batch
            }
            if (snapshot != null) {
                snapshot.removeMissing(type, sink);
            }
            return new ExtractCommit(source.agb(), source.connector(), source.name(), source.sha256(),
                    source.receivedAt(), clock.instant(), Map.of(type, rows.counts));
        }
    }

    /**
     * The rows of one extract, read a batch per call: the JIT then compiles the per-row work as a method
     * of its own, kept from file to file, instead of recompiling one long loop for every file it reads
     * (that cost about a second of compiler time per large file, docs/benchmarks.md).
     */
    private final class Rows {
        private static final int BATCH = 4_096;

        private final ExtractSource source;
        private final RecordType type;
        private final RowParser parser;
        private final Pseudonymizer pseudonyms;
        private final SnapshotTracker snapshot;
        private final ExtractSink sink;
        private final TypeCounts counts = new TypeCounts();
        private long read;

        Rows(ExtractSource source, RecordType type, RowParser parser, Pseudonymizer pseudonyms,
             SnapshotTracker snapshot, ExtractSink sink) {
            this.source = source;
            this.type = type;
            this.parser = parser;
            this.pseudonyms = pseudonyms;
            this.snapshot = snapshot;
            this.sink = sink;
        }

        /** Reads up to a batch of rows into the sink; false once the file has no more. */
        boolean readSome(CsvExtractReader reader) throws IOException, UnusableFileException {
            for (int i = 0; i < BATCH; i++) {
                if (!reader.next()) return false;
                if (++read % checkpointRows == 0) sink.checkpoint();
                handle(parser.parse(reader.row()), reader.line());
            }
            return true;
        }

        private void handle(RowResult result, int line) {
            String agb = source.agb();
            if (result instanceof RowResult.Accepted accepted) {
                String recordKey = pseudonyms.recordKey(agb, type.name(), accepted.recordId());
                byte[] value = StoredRecord.encode(type, source.connector(),
                        pseudonyms.patient(agb, accepted.patientId()), accepted.anchorEpochSecond(), accepted.payload());
                sink.put(new StateKey(agb, type, recordKey), value);
                counts.countAccepted();
                if (snapshot != null) snapshot.contains(recordKey, accepted.anchorEpochSecond());
            } else if (result instanceof RowResult.Rejected rejected) {
                counts.countRejected(rejected.reason());
                sink.reject(new Rejection(agb, source.connector(), source.name(), source.sha256(), source.name(),
                        line, type, rejected.reason(), rejected.field()));
                if (snapshot != null && rejected.recordId() != null) {
                    snapshot.containsRejected(pseudonyms.recordKey(agb, type.name(), rejected.recordId()));
                }
            }
        }
    }

    /**
     * The ids a snapshot extract contains (rejected lines included) and the years it covers; afterwards,
     * removes this connector's records of those years that it no longer contains.
     */
    private final class SnapshotTracker implements AutoCloseable {
        private final ExtractSource source;
        private final ScratchSet seen;
        private final Set<Integer> years = new TreeSet<>();

        SnapshotTracker(ExtractSource source, ScratchSet seen) {
            this.source = source;
            this.seen = seen;
            years.addAll(source.snapshotYears());
        }

        void contains(String recordKey, long anchor) {
            seen.add(recordKey);
            if (source.snapshotYears().isEmpty()) years.add(Amsterdam.year(anchor));
        }

        void containsRejected(String recordKey) {
            seen.add(recordKey);
        }

        void removeMissing(RecordType type, ExtractSink sink) {
            if (years.isEmpty()) return;
            store.forEachIdentity(source.agb(), type, identity -> {
                if (identity.connector().equals(source.connector())
                        && years.contains(Amsterdam.year(identity.anchor()))
                        && !seen.contains(identity.key().recordKey())) {
                    sink.remove(identity.key());
                }
            });
        }

        @Override
        public void close() {
            seen.close();
        }
    }
}
