package nl.verbeterhub.extract;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.verbeterhub.pseudonym.PseudonymSecret;
import nl.verbeterhub.pseudonym.Pseudonymizer;
import nl.verbeterhub.record.ReasonCode;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.record.Row;
import nl.verbeterhub.record.RowParser;
import nl.verbeterhub.record.RowResult;
import nl.verbeterhub.state.RecordStore;
import nl.verbeterhub.state.ScratchSet;
import nl.verbeterhub.state.StateKey;
import nl.verbeterhub.state.StoredRecord;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.time.Amsterdam;

/**
 * The source-independent front of the pipeline: reads one extract from its {@link RecordSource} —
 * check, pseudonymise, keep, count per record type — and hands each outcome to a sink. The same code
 * serves the routes and {@code validate}; records never become Camel exchanges (design-notes §4). For a
 * snapshot extract it also removes what the extract no longer contains. Its commit marker names the
 * {@linkplain DominantProblem dominant problems}: most records of a type rejected on one field for one reason.
 */
public final class ExtractIngest {

    /** Records between two checkpoints of the sink, unless configured otherwise. */
    public static final int DEFAULT_CHECKPOINT_ROWS = 100_000;

    private final RecordStore store;
    private final PseudonymSecret secret;
    private final int pseudonymCacheSize;
    private final Map<RecordType, RowParser> parsers;
    private final Clock clock;
    private final int checkpointRows;

    public ExtractIngest(RecordStore store, PseudonymSecret secret, int pseudonymCacheSize,
                         Map<RecordType, RowParser> parsers, Clock clock) {
        this(store, secret, pseudonymCacheSize, parsers, clock, DEFAULT_CHECKPOINT_ROWS);
    }

    /** @param checkpointRows records between two checkpoints of the sink (parts of a transaction) */
    public ExtractIngest(RecordStore store, PseudonymSecret secret, int pseudonymCacheSize,
                         Map<RecordType, RowParser> parsers, Clock clock, int checkpointRows) {
        this.checkpointRows = checkpointRows;
        this.store = store;
        this.secret = secret;
        this.pseudonymCacheSize = pseudonymCacheSize;
        this.parsers = parsers;
        this.clock = clock;
    }

    /**
     * Reads the whole extract into the sink: first once for its structure only, so that an unusable
     * extract is refused before anything of it reaches the sink, then record by record.
     *
     * @return the extract's commit marker, to be written once the sink holds everything
     * @throws UnusableFileException when the extract as a whole cannot be read
     */
    public ExtractCommit ingest(ExtractSource source, RecordSource records, ExtractSink sink)
            throws UnusableFileException, IOException {
        Set<RecordType> types = records.open();
        try (Run run = new Run(source, types, sink)) {
            sink.started(themes(types));
            records.read(run);
            if (run.snapshot != null) run.snapshot.removeMissing(records.snapshotTypes(types), sink);
            Map<RecordType, TypeCounts> counts = new TreeMap<>();
            run.counts.forEach((type, c) -> {
                if (c.read() > 0 || types.size() == 1) counts.put(type, c);
            });
            return new ExtractCommit(source.agb(), source.connector(), source.name(), source.sha256(),
                    source.receivedAt(), clock.instant(), counts, records.report().withRemoved(run.removed),
                    run.problems.result(counts));
        }
    }

    private static Set<Theme> themes(Set<RecordType> types) {
        Set<Theme> themes = new TreeSet<>();
        types.forEach(t -> themes.add(Theme.of(t)));
        return themes;
    }

    /** One extract being read: what the source hands over goes through the type's parser into the sink. */
    private final class Run implements RecordConsumer, AutoCloseable {
        private final ExtractSource source;
        private final ExtractSink sink;
        private final Pseudonymizer pseudonyms;
        private final SnapshotTracker snapshot;
        private final Map<RecordType, TypeCounts> counts = new TreeMap<>();
        private final DominantProblem.Finder problems = new DominantProblem.Finder();
        private String file;
        private Position.Kind kind = Position.Kind.LINE;
        private long read;
        private long removed;
        // The previous record's type and what belongs to it: an extract's records mostly share one.
        private RecordType type;
        private RowParser parser;
        private TypeCounts typeCounts;

        Run(ExtractSource source, Set<RecordType> types, ExtractSink sink) {
            this.source = source;
            this.sink = sink;
            this.pseudonyms = new Pseudonymizer(secret, pseudonymCacheSize);
            this.snapshot = source.snapshot() ? new SnapshotTracker(source, store.newScratchSet()) : null;
            for (RecordType t : types) counts.put(t, new TypeCounts());
        }

        @Override
        public void at(String file, Position.Kind kind) {
            this.file = file;
            this.kind = kind;
        }

        @Override
        public void record(RecordType recordType, Row row, long index, String resourceType, boolean secondOfResource) {
            if (recordType != type) switchTo(recordType);
            if (++read % checkpointRows == 0) sink.checkpoint();
            RowResult result = parser.parse(row);
            String agb = source.agb();
            if (result instanceof RowResult.Accepted accepted) {
                String recordKey = pseudonyms.recordKey(agb, type.name(), accepted.recordId());
                byte[] patient = row.patientPseudonym();
                if (patient == null) patient = pseudonyms.patient(agb, accepted.patientId());
                byte[] value = StoredRecord.encode(type, source.connector(), patient, accepted.anchorEpochSecond(),
                        accepted.payload());
                sink.put(new StateKey(agb, type, recordKey), value);
                typeCounts.countAccepted();
                if (snapshot != null) snapshot.contains(type, recordKey, accepted.anchorEpochSecond());
            } else if (result instanceof RowResult.Rejected rejected) {
                typeCounts.countRejected(rejected.reason());
                problems.rejected(type, rejected.field(), rejected.reason(), row);
                sink.reject(new Rejection(agb, source.connector(), source.name(), source.sha256(),
                        new Position(file, kind, index), type, resourceType, rejected.reason(), rejected.field(),
                        secondOfResource));
                if (snapshot != null && rejected.recordId() != null) {
                    snapshot.containsRejected(pseudonyms.recordKey(agb, type.name(), rejected.recordId()));
                }
            }
        }

        @Override
        public void reject(RecordType recordType, String recordId, ReasonCode reason, String field, long index,
                           String resourceType, boolean secondOfResource) {
            if (recordType != type) switchTo(recordType);
            if (++read % checkpointRows == 0) sink.checkpoint();
            typeCounts.countRejected(reason);
            problems.rejected(type, field, reason, null);
            sink.reject(new Rejection(source.agb(), source.connector(), source.name(), source.sha256(),
                    new Position(file, kind, index), type, resourceType, reason, field, secondOfResource));
            if (snapshot != null && recordId != null) {
                snapshot.containsRejected(pseudonyms.recordKey(source.agb(), type.name(), recordId));
            }
        }

        private void switchTo(RecordType recordType) {
            type = recordType;
            parser = parsers.get(recordType).forHospital(source.agb());
            typeCounts = counts.computeIfAbsent(recordType, t -> new TypeCounts());
        }

        @Override
        public void link(String canonicalPatient, byte[] patientPseudonym) {
            StateKey key = PatientLinks.key(pseudonyms, source.agb(), source.connector(), canonicalPatient);
            sink.put(key, StoredRecord.encode(RecordType.PATIENT_LINK, source.connector(), patientPseudonym, 0L, new byte[0]));
        }

        @Override
        public void remove(Set<RecordType> types, String recordId) {
            removeAgain(types, recordId);
            removed++;
        }

        @Override
        public void removeAgain(Set<RecordType> types, String recordId) {
            for (RecordType recordType : types) {
                String recordKey = pseudonyms.recordKey(source.agb(), recordType.name(), recordId);
                sink.remove(new StateKey(source.agb(), recordType, recordKey));
            }
        }

        @Override
        public void close() {
            if (snapshot != null) snapshot.close();
        }
    }

    /**
     * The ids a snapshot extract contains (rejected lines included) and the years it covers per record
     * type; afterwards, removes this connector's records of those years that it no longer contains.
     */
    private final class SnapshotTracker implements AutoCloseable {
        private final ExtractSource source;
        private final ScratchSet seen;
        private final Map<RecordType, Set<Integer>> years = new TreeMap<>();

        SnapshotTracker(ExtractSource source, ScratchSet seen) {
            this.source = source;
            this.seen = seen;
        }

        void contains(RecordType type, String recordKey, long anchor) {
            seen.add(recordKey);
            if (source.snapshotYears().isEmpty()) {
                years.computeIfAbsent(type, t -> new TreeSet<>()).add(Amsterdam.year(anchor));
            }
        }

        void containsRejected(String recordKey) {
            seen.add(recordKey);
        }

        /** The covered years: the connector's {@code snapshotYears}, else those of the type's accepted anchors. */
        void removeMissing(Set<RecordType> types, ExtractSink sink) {
            for (RecordType type : types) {
                Set<Integer> covered = source.snapshotYears().isEmpty() ? years.getOrDefault(type, Set.of())
                        : source.snapshotYears();
                if (covered.isEmpty()) continue;
                store.forEachIdentity(source.agb(), type, identity -> {
                    if (identity.connector().equals(source.connector())
                            && covered.contains(Amsterdam.year(identity.anchor()))
                            && !seen.contains(identity.key().recordKey())) {
                        sink.remove(identity.key());
                    }
                });
            }
        }

        @Override
        public void close() {
            seen.close();
        }
    }
}
