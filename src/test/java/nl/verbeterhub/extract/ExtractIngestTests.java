package nl.verbeterhub.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import nl.verbeterhub.connector.SourceSettings;
import nl.verbeterhub.csv.CsvExtractReader;
import nl.verbeterhub.csv.CsvRecordSource;
import nl.verbeterhub.fhir.FhirExtract;
import nl.verbeterhub.fhir.FhirMapping;
import nl.verbeterhub.fhir.FhirReading;
import nl.verbeterhub.fhir.FhirRecordSource;
import nl.verbeterhub.fhir.VbiScores;
import nl.verbeterhub.pseudonym.PseudonymSecret;
import nl.verbeterhub.state.RecordStore;
import nl.verbeterhub.state.StateKey;
import nl.verbeterhub.support.FhirJson;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.Themes;
import nl.verbeterhub.theme.pijn.PainScales;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractIngestTests {

    @TempDir
    Path dir;

    /** A sink that tells what it saw, as a Kafka transaction would see it. */
    private static final class TransactionLikeSink implements ExtractSink {
        final List<String> events = new ArrayList<>();

        @Override
        public void started(Set<Theme> themes) {
            events.add("started " + new TreeSet<>(themes));
        }

        @Override
        public void put(StateKey key, byte[] storedRecord) {
            events.add("put");
        }

        @Override
        public void remove(StateKey key) {
            events.add("remove");
        }

        @Override
        public void reject(Rejection rejection) {
            events.add("reject");
        }

        @Override
        public void checkpoint() {
            events.add("checkpoint");
        }
    }

    private ExtractCommit ingest(String csv, ExtractSink sink) throws Exception {
        Path file = Files.writeString(dir.resolve("pijn.csv"), csv, StandardCharsets.UTF_8);
        try (RecordStore store = RecordStore.open(dir.resolve("state"), 8L << 20)) {
            ExtractIngest ingest = new ExtractIngest(store, PseudonymSecret.of("tests-secret-0123456789"), 1_000,
                    Themes.parsers(PainScales.defaults()), Clock.systemUTC(), 100);
            ExtractSource source = new ExtractSource("06010099", "tests", "pijn.csv", "sha", Instant.now(), false, Set.of());
            try (CsvRecordSource records = new CsvRecordSource(file, "pijn.csv",
                    new CsvExtractReader.Options(StandardCharsets.UTF_8, 1 << 20, Map.of(), Optional.empty()))) {
                return ingest.ingest(source, records, sink);
            }
        }
    }

    private static String rows(int n) {
        StringBuilder csv = new StringBuilder("measurement_id,patient_id,measured_at,scale,value\n");
        for (int i = 0; i < n; i++) csv.append("M-").append(i).append(",P-").append(i % 7).append(",2025-05-01 08:00,NRS,5\n");
        return csv.toString();
    }

    @Test
    void aFileUnusableNearItsEndReachesNoCheckpoint() {
        // Checkpoints every 100 rows (a committed part each, in the hub); the NUL comes after 1,000:
        // no part of the file may be committed.
        TransactionLikeSink sink = new TransactionLikeSink();
        assertThatThrownBy(() -> ingest(rows(1_000) + "M-X,P-1,2025-05-01 08:00,NRS,\u0000\n", sink))
                .isInstanceOf(UnusableFileException.class)
                .satisfies(e -> assertThat(((UnusableFileException) e).reason()).hasToString("NOT_TEXT"));
        assertThat(sink.events).doesNotContain("checkpoint");
    }

    @Test
    void theBegunMarkerNamesTheThemesTheExtractMayFeedBeforeAnyRecord() throws Exception {
        TransactionLikeSink csv = new TransactionLikeSink();
        ingest(rows(3), csv);
        assertThat(csv.events).first().isEqualTo("started [PIJN]");

        // A FHIR export may hold every theme's records, whatever its first file holds (decision 50).
        Path export = FhirJson.ndjson(dir.resolve("export/Observation.ndjson"),
                FhirJson.painScore("o1", "Patient/p1", "2025-05-01T08:00:00+02:00", "NRS", 5));
        TransactionLikeSink fhir = new TransactionLikeSink();
        FhirReading reading = new FhirReading(new FhirMapping(PainScales.defaults(), VbiScores.defaults()),
                PseudonymSecret.of("tests-secret-0123456789"), 1 << 20, dir.resolve("tmp"));
        FhirExtract extract = FhirExtract.given(List.of(export.getParent()));
        try (RecordStore store = RecordStore.open(dir.resolve("state-fhir"), 8L << 20);
             FhirRecordSource records = reading.source(extract, "06010099", SourceSettings.Fhir.DEFAULTS)) {
            new ExtractIngest(store, PseudonymSecret.of("tests-secret-0123456789"), 1_000,
                    Themes.parsers(PainScales.defaults()), Clock.systemUTC(), 100)
                    .ingest(new ExtractSource("06010099", "tests", "export", extract.sha256(), Instant.now(), false, Set.of()),
                            records, fhir);
        }
        assertThat(fhir.events).containsExactly("started [VBI, NUCHTER, PIJN]", "put");
    }

    @Test
    void aUsableFileIsCheckpointedEveryHundredRows() throws Exception {
        TransactionLikeSink sink = new TransactionLikeSink();
        ExtractCommit commit = ingest(rows(1_000), sink);
        assertThat(sink.events.stream().filter("checkpoint"::equals).count()).isEqualTo(10);
        assertThat(sink.events.stream().filter("put"::equals).count()).isEqualTo(1_000);
        assertThat(commit.counts().values().iterator().next().accepted()).isEqualTo(1_000);
    }
}
