package nl.verbeterhub.extract;

import static org.assertj.core.api.Assertions.assertThat;

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
import nl.verbeterhub.connector.SourceSettings;
import nl.verbeterhub.csv.CsvExtractReader;
import nl.verbeterhub.csv.CsvRecordSource;
import nl.verbeterhub.fhir.FhirExtract;
import nl.verbeterhub.fhir.FhirMapping;
import nl.verbeterhub.fhir.FhirReading;
import nl.verbeterhub.fhir.FhirRecordSource;
import nl.verbeterhub.fhir.VbiScores;
import nl.verbeterhub.pseudonym.PseudonymSecret;
import nl.verbeterhub.record.ReasonCode;
import nl.verbeterhub.state.RecordStore;
import nl.verbeterhub.state.StateKey;
import nl.verbeterhub.support.FhirJson;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.Themes;
import nl.verbeterhub.theme.pijn.PainScales;
import nl.verbeterhub.theme.pijn.PainTheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Item 8 of issue 17: most records rejected on one field for one reason, reported by the values' shape. */
class DominantProblemTests {

    private static final PseudonymSecret SECRET = PseudonymSecret.of("tests-secret-0123456789");

    @TempDir
    Path dir;

    private static final ExtractSink SINK = new ExtractSink() {
        @Override
        public void started(Set<Theme> themes) {
        }

        @Override
        public void put(StateKey key, byte[] storedRecord) {
        }

        @Override
        public void remove(StateKey key) {
        }

        @Override
        public void reject(Rejection rejection) {
        }

        @Override
        public void checkpoint() {
        }
    };

    private ExtractIngest ingest(RecordStore store) {
        return new ExtractIngest(store, SECRET, 1_000, Themes.parsers(PainScales.defaults()), Clock.systemUTC());
    }

    private ExtractCommit csv(List<String> rows) throws Exception {
        Path file = Files.writeString(dir.resolve("pijn.csv"),
                "measurement_id,patient_id,measured_at,scale,value\n" + String.join("\n", rows) + "\n");
        try (RecordStore store = RecordStore.open(dir.resolve("state"), 8L << 20);
             CsvRecordSource records = new CsvRecordSource(file, "pijn.csv",
                     new CsvExtractReader.Options(StandardCharsets.UTF_8, 1 << 20, Map.of(), Optional.empty()))) {
            return ingest(store).ingest(new ExtractSource("06010099", "tests", "pijn.csv", "sha", Instant.now(), false,
                    Set.of()), records, SINK);
        }
    }

    /** {@code good} rows that are accepted, then {@code bad} whose measured_at is a US date-time. */
    private static List<String> rows(int good, int bad) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < good; i++) rows.add("M-" + i + ",JANSEN,2025-05-01 08:00,NRS,5");
        for (int i = 0; i < bad; i++) rows.add(String.format("U-%d,JANSEN,%02d/09/25 01:%02d AM,NRS,5", i, 1 + i % 28, i));
        return rows;
    }

    @Test
    void mostRowsUnparsableOnOneFieldAreReportedByTheShapeOfTheirValues() throws Exception {
        ExtractCommit commit = csv(rows(5, 25));
        assertThat(commit.dominantProblems()).containsExactly(
                new DominantProblem(PainTheme.PIJN, "measured_at", ReasonCode.UNPARSABLE, 25, 30, "dd/dd/dd dd:dd AM"));
        assertThat(commit.dominantProblems().get(0).describe())
                .isEqualTo("measured_at: 25 of 30 rows UNPARSABLE, values shaped dd/dd/dd dd:dd AM");
        assertThat(new String(ExtractCommitJson.write(commit), StandardCharsets.UTF_8))
                .contains("dd/dd/dd dd:dd AM").doesNotContain("JANSEN", "09/25", "U-1");
    }

    @Test
    void belowHalfOrBelowTenRecordsThereIsNone() throws Exception {
        assertThat(csv(rows(16, 14)).dominantProblems()).as("14 of 30").isEmpty();
        assertThat(csv(rows(0, 9)).dominantProblems()).as("9 of 9").isEmpty();
        assertThat(csv(rows(10, 10)).dominantProblems()).as("10 of 20, exactly half")
                .extracting(DominantProblem::count, DominantProblem::of).containsExactly(org.assertj.core.groups.Tuple.tuple(10L, 20L));
        assertThat(csv(rows(30, 0)).dominantProblems()).isEmpty();
    }

    @Test
    void theMostFrequentShapeIsReportedAndAWordOnlyAsLetters() throws Exception {
        List<String> rows = rows(2, 12);
        for (int i = 0; i < 8; i++) rows.add("P-" + i + ",JANSEN,1/9/25 1:51 pm,NRS,5");
        for (int i = 0; i < 3; i++) rows.add("V-" + i + ",JANSEN,2025-05-01 08:00,NRS,Veel");
        ExtractCommit commit = csv(rows);
        assertThat(commit.dominantProblems()).singleElement().satisfies(p -> {
            assertThat(p.count()).isEqualTo(20);
            assertThat(p.of()).isEqualTo(25);
            assertThat(p.shape()).isEqualTo("dd/dd/dd dd:dd AM");
        });
        // A value that is a word is only its letters' shape, and only when it dominates.
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 12; i++) words.add("V-" + i + ",JANSEN,2025-05-01 08:00,NRS,Veel");
        assertThat(csv(words).dominantProblems()).singleElement()
                .satisfies(p -> assertThat(p.describe()).isEqualTo("value: 12 of 12 rows UNPARSABLE, values shaped aaaa"));
    }

    @Test
    void aMissingFieldHasNoShape() throws Exception {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 11; i++) rows.add("M-" + i + ",,2025-05-01 08:00,NRS,5");
        assertThat(csv(rows).dominantProblems()).singleElement().satisfies(p -> {
            assertThat(p.shape()).isNull();
            assertThat(p.describe()).isEqualTo("patient_id: 11 of 11 rows MISSING_FIELD");
        });
    }

    @Test
    void fhirValuesAreShapedTheSameWay() throws Exception {
        List<FhirJson> resources = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // no offset: a FHIR dateTime with a time needs one (domain.md §6)
            resources.add(FhirJson.painScore("o" + i, "Patient/p1", "2025-05-01T08:" + (10 + i) + ":00", "NRS", 5));
        }
        Path export = FhirJson.ndjson(dir.resolve("export/Observation.ndjson"), resources.toArray(FhirJson[]::new));
        FhirReading reading = new FhirReading(new FhirMapping(PainScales.defaults(), VbiScores.defaults()), SECRET, 1 << 20,
                dir.resolve("tmp"));
        FhirExtract extract = FhirExtract.given(List.of(export.getParent()));
        ExtractCommit commit;
        try (RecordStore store = RecordStore.open(dir.resolve("state-fhir"), 8L << 20);
             FhirRecordSource records = reading.source(extract, "06010099", SourceSettings.Fhir.DEFAULTS)) {
            commit = ingest(store).ingest(new ExtractSource("06010099", "tests", "export", extract.sha256(), Instant.now(),
                    false, Set.of()), records, SINK);
        }
        assertThat(commit.dominantProblems()).singleElement().satisfies(p -> assertThat(p.describe())
                .isEqualTo("measured_at: 12 of 12 rows UNPARSABLE, values shaped dddd-dd-ddadd:dd:dd"));
    }

    @Test
    void shapes() {
        assertThat(ValueShape.of("19/09/25 01:51 AM")).isEqualTo("dd/dd/dd dd:dd AM");
        assertThat(ValueShape.of("1:51pm")).isEqualTo("d:ddpm");
        assertThat(ValueShape.of("1:51 Pm")).isEqualTo("d:dd Pm");
        assertThat(ValueShape.of("Amsterdam")).isEqualTo("aaaaaaaaa");
        assertThat(ValueShape.of("JANSEN")).isEqualTo("aaaaaa");
        assertThat(ValueShape.of("Zoë, 12½")).isEqualTo("aaa, dd½");
        assertThat(ValueShape.of("2025-05-01T08:00:00+02:00")).isEqualTo("dddd-dd-ddadd:dd:dd+dd:dd");
        assertThat(ValueShape.of("a\u000Bb\u200Bc")).isEqualTo("a?a?a");
        assertThat(ValueShape.of("1".repeat(41))).isEqualTo("d".repeat(40) + "…");
        assertThat(ValueShape.of("x".repeat(40))).isEqualTo("a".repeat(40));
        assertThat(ValueShape.of("x".repeat(50))).isEqualTo("a".repeat(40) + "…");
        assertThat(ValueShape.of("")).isNull();
        assertThat(ValueShape.of(null)).isNull();
    }
}
