package nl.verbeterhub.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.verbeterhub.connector.SourceSettings;
import nl.verbeterhub.csv.CsvExtractReader;
import nl.verbeterhub.csv.CsvRecordSource;
import nl.verbeterhub.draft.Draft;
import nl.verbeterhub.draft.DraftBuilder;
import nl.verbeterhub.extract.ExtractCommit;
import nl.verbeterhub.extract.ExtractIngest;
import nl.verbeterhub.extract.ExtractLog;
import nl.verbeterhub.extract.ExtractSource;
import nl.verbeterhub.extract.PatientLinks;
import nl.verbeterhub.extract.Rejection;
import nl.verbeterhub.extract.Sha256;
import nl.verbeterhub.extract.StoreSink;
import nl.verbeterhub.extract.UnusableFileException;
import nl.verbeterhub.fhir.EarlierPatients;
import nl.verbeterhub.fhir.FhirExtract;
import nl.verbeterhub.fhir.FhirMapping;
import nl.verbeterhub.fhir.FhirReading;
import nl.verbeterhub.fhir.FhirRecordSource;
import nl.verbeterhub.fhir.VbiScores;
import nl.verbeterhub.pseudonym.PseudonymSecret;
import nl.verbeterhub.pseudonym.Pseudonymizer;
import nl.verbeterhub.state.RecordStore;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.ThemeSettings;
import nl.verbeterhub.theme.Themes;
import nl.verbeterhub.theme.eigen.EigenTheme;
import nl.verbeterhub.theme.eigen.OwnGoals;
import nl.verbeterhub.theme.pijn.PainScales;

/**
 * The ingest and draft code of the hub on a temporary store, without Kafka: deliver CSV text as an
 * extract, then look at the drafts. Used by the indicator tests.
 */
public final class Fixture implements AutoCloseable {

    public static final String AGB = "06019999";
    public static final Instant NOW = Instant.parse("2026-11-21T01:00:03Z");
    public static final PseudonymSecret SECRET = PseudonymSecret.of("test-secret-0123456789");

    private final Path dir;
    private final RecordStore store;
    private final ExtractLog log = new ExtractLog();
    private final ExtractIngest ingest;
    private final FhirReading fhir;
    private final int k;
    private final ThemeSettings themes;
    private final List<Rejection> rejections = new ArrayList<>();
    private int files;

    public Fixture(Path dir) throws IOException {
        this(dir, 1);
    }

    public Fixture(Path dir, int k) throws IOException {
        this(dir, k, OwnGoals.none());
    }

    /** With these own-goal definitions (EIGEN), as the hub reads them at start-up. */
    public Fixture(Path dir, int k, OwnGoals ownGoals) throws IOException {
        this.dir = dir;
        this.k = k;
        this.themes = ThemeSettings.defaults().with(EigenTheme.THEME, ownGoals);
        this.store = RecordStore.open(dir.resolve("state"), 8L << 20);
        this.fhir = new FhirReading(new FhirMapping(PainScales.defaults(), VbiScores.defaults(), themes), SECRET,
                1 << 20, dir.resolve("tmp"));
        this.ingest = new ExtractIngest(store, SECRET, 1000,
                Themes.parsers(themes), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    public ExtractCommit deliver(String connector, String csv) throws IOException, UnusableFileException {
        return deliver(connector, csv, false, Set.of());
    }

    public ExtractCommit deliver(String connector, String csv, boolean snapshot, Set<Integer> snapshotYears)
            throws IOException, UnusableFileException {
        Path file = dir.resolve("extract-" + (++files) + ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        CsvExtractReader.Options options = new CsvExtractReader.Options(StandardCharsets.UTF_8, 1 << 20, Map.of(),
                Optional.empty());
        String name = file.getFileName().toString();
        ExtractSource source = new ExtractSource(AGB, connector, name, Sha256.of(file),
                NOW.minusSeconds(60 - files), snapshot, snapshotYears);
        ExtractCommit commit;
        try (StoreSink sink = new StoreSink(store, rejections::add);
             CsvRecordSource records = new CsvRecordSource(file, name, options)) {
            commit = ingest.ingest(source, records, sink);
        }
        // Commits within one test must be ordered even though the clock is fixed.
        commit = commit.withCommittedAt(NOW.plusMillis(files));
        log.add(commit);
        return commit;
    }

    /** Delivers FHIR files (or a bulk export's folder) as one extract of a FHIR connector. */
    public ExtractCommit deliverFhir(String connector, SourceSettings.Fhir settings, Path... files)
            throws IOException, UnusableFileException {
        return deliverFhir(connector, settings, false, Set.of(), files);
    }

    /** Delivers FHIR files as one extract of a FHIR connector whose extracts are snapshots. */
    public ExtractCommit deliverFhirSnapshot(String connector, Set<Integer> snapshotYears, Path... files)
            throws IOException, UnusableFileException {
        return deliverFhir(connector, SourceSettings.Fhir.DEFAULTS, true, snapshotYears, files);
    }

    private ExtractCommit deliverFhir(String connector, SourceSettings.Fhir settings, boolean snapshot,
                                      Set<Integer> snapshotYears, Path... files) throws IOException, UnusableFileException {
        FhirExtract extract = FhirExtract.given(List.of(files));
        ExtractSource source = new ExtractSource(AGB, connector, extract.name(), extract.sha256(),
                NOW.minusSeconds(60 - ++this.files), snapshot, snapshotYears);
        ExtractCommit commit;
        try (StoreSink sink = new StoreSink(store, rejections::add);
             FhirRecordSource records = fhir.source(extract, AGB, settings, earlierPatients(connector))) {
            commit = ingest.ingest(source, records, sink);
        }
        commit = commit.withCommittedAt(NOW.plusMillis(this.files));
        log.add(commit);
        return commit;
    }

    /** As the hub does: the Patients this connector linked in earlier extracts, from the state. */
    private EarlierPatients earlierPatients(String connector) {
        Pseudonymizer pseudonyms = new Pseudonymizer(SECRET, 1);
        return canonical -> store.patientOf(PatientLinks.key(pseudonyms, AGB, connector, canonical));
    }

    public ExtractCommit deliverFhir(String connector, Path... files) throws IOException, UnusableFileException {
        return deliverFhir(connector, SourceSettings.Fhir.DEFAULTS, files);
    }

    public List<Rejection> rejections() {
        return rejections;
    }

    public List<Draft> drafts(Theme theme) {
        return new DraftBuilder(store, log, Themes.calculators(themes), k, agb -> "Voorbeeldziekenhuis")
                .build(AGB, theme, NOW);
    }

    /** The draft of one year; fails when there is none. */
    public ObjectNode draft(Theme theme, int year) {
        return drafts(theme).stream().filter(d -> d.year() == year).findFirst()
                .orElseThrow(() -> new AssertionError("no " + theme + " draft for " + year)).value();
    }

    public ObjectNode indicators(Theme theme, int year) {
        return (ObjectNode) draft(theme, year).get("indicators");
    }

    @Override
    public void close() {
        store.close();
    }
}
