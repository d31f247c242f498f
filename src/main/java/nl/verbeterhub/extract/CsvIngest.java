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
        Pseudonymizer pseudonyms = new Pseudonymizer(secret, pseudonymCacheSize);
        try (CsvExtractReader reader = CsvExtractReader.open(file, source.csv());
             SnapshotTracker snapshot = source.snapshot() ? new SnapshotTracker(source, store.newScratchSet()) : null) {
            RecordType type = reader.recordType();
            RowParser parser = parsers.get(type);
            TypeCounts counts = new TypeCounts();
            String agb = source.agb();
            sink.started(type);
            long rows = 0;
            while (reader.next()) {
                if (++rows % checkpointRows == 0) sink.checkpoint();
                RowResult result = parser.parse(reader.row());
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
                            reader.line(), type, rejected.reason(), rejected.field()));
                    if (snapshot != null && rejected.recordId() != null) {
                        snapshot.containsRejected(pseudonyms.recordKey(agb, type.name(), rejected.recordId()));
                    }
                }
            }
            if (snapshot != null) {
                snapshot.removeMissing(type, sink);
            }
            return new ExtractCommit(agb, source.connector(), source.name(), source.sha256(), source.receivedAt(),
                    clock.instant(), Map.of(type, counts));
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
