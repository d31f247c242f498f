package nl.verbeterhub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.verbeterhub.config.StandaloneConfig;
import nl.verbeterhub.json.HubJson;
import nl.verbeterhub.support.FhirJson;
import nl.verbeterhub.support.Schemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValidateCommandTests {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int validate(String... args) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-21T01:00:00Z"), ZoneOffset.UTC);
        return new ValidateCommand(StandaloneConfig.load(), clock, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(List.of(args));
    }

    private static String[] samples(String... extra) {
        List<String> args = new ArrayList<>(List.of("--agb", "06019999"));
        args.addAll(List.of(extra));
        for (String t : List.of("vbi", "nuchter", "pijn", "opnames")) args.add("samples/" + t + "-2026-11-20.csv");
        return args.toArray(String[]::new);
    }

    @Test
    void theSamplesGiveSixSchemaValidDraftsOnStdoutAndASummaryOnStderr() throws Exception {
        assertThat(validate(samples())).isZero();
        JsonNode drafts = HubJson.MAPPER.readTree(out.toByteArray());
        assertThat(drafts).hasSize(6);
        drafts.forEach(d -> assertThat(Schemas.check(Schemas.DRAFT, d)).isEmpty());
        assertThat(drafts.get(0).at("/hospital/name").asText()).isEqualTo("Voorbeeldziekenhuis");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("vbi-2026-11-20.csv: VBI, 48 records read, 44 accepted, 4 rejected",
                "line 46: OUT_OF_RANGE (score)");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void yearSelectsWhatIsPrintedNotWhatIsCounted() throws Exception {
        assertThat(validate(samples("--year", "2025"))).isZero();
        JsonNode drafts = HubJson.MAPPER.readTree(out.toByteArray());
        assertThat(drafts).hasSize(3).allSatisfy(d -> assertThat(d.at("/period/year").asInt()).isEqualTo(2025));
        assertThat(drafts.get(0).at("/dataQuality/recordsRead").asInt()).isEqualTo(85);
    }

    @Test
    void fhirFilesAndFoldersAreOneExtractBesideTheCsvFiles() throws Exception {
        Path export = dir.resolve("export");
        FhirJson.lines(export.resolve("Observation.ndjson"), List.of(
                FhirJson.painScore("m1", "Patient/p1", "2025-05-01T08:00:00+02:00", "NRS", 6).json(),
                "{\"resourceType\": \"Observation\", broken",
                FhirJson.painScore("m2", "Patient/p1", "2025-05-01T08:20:00+02:00", "NRS", 11).json()));
        Path bundle = FhirJson.bundle(dir.resolve("bundle.json"), "collection",
                FhirJson.Entry.of("urn:uuid:p", FhirJson.patient("p9", "2000-01-01")),
                FhirJson.Entry.of("urn:uuid:m", FhirJson.painScore("m3", "urn:uuid:p", "2025-06-01T08:00:00+02:00", "VAS10", 3)));
        assertThat(validate("--agb", "06019999", "samples/pijn-2026-11-20.csv", export.toString(), bundle.toString())).isZero();
        JsonNode drafts = HubJson.MAPPER.readTree(out.toByteArray());
        JsonNode pain2025 = null;
        for (JsonNode d : drafts) {
            assertThat(Schemas.check(Schemas.DRAFT, d)).isEmpty();
            if (d.at("/period/year").asInt() == 2025) pain2025 = d;
        }
        assertThat(pain2025).isNotNull();
        assertThat(pain2025.at("/sources")).as("the CSV file and the one FHIR extract").hasSize(2);
        String summary = err.toString(StandardCharsets.UTF_8);
        assertThat(summary).contains("FHIR export + bundle.json: resources read: Observation 3, Patient 1",
                "1 line(s) or entr(y/ies) were no parsable resource: Observation.ndjson:2",
                "FHIR export + bundle.json: PIJN, 3 records read, 2 accepted, 1 rejected",
                "Observation.ndjson line 3: OUT_OF_RANGE (value)");
        assertThat(dir.resolve("export")).as("validate writes nothing beside the input").isDirectory();
        try (var files = Files.list(export)) {
            assertThat(files.count()).isEqualTo(1);
        }
    }

    @Test
    void themesMakesAFhirExtractReadTheFurtherThemesItNames() throws Exception {
        // The FHIR sample holds eigen-maanden.csv's months as MeasureReports: with EIGEN listed they count.
        assertThat(validate("--agb", "06019999", "--themes", "eigen", "samples/fhir-eigen", "samples/eigen-mijlpalen.csv"))
                .isZero();
        JsonNode fromFhir = eigen2026(out.toByteArray());
        out.reset();
        assertThat(validate("--agb", "06019999", "samples/eigen-maanden.csv", "samples/eigen-mijlpalen.csv")).isZero();
        JsonNode fromCsv = eigen2026(out.toByteArray());
        assertThat(fromFhir.get("indicators")).isEqualTo(fromCsv.get("indicators"));
        assertThat(fromFhir.at("/indicators/measures/0/numerator").asLong()).isEqualTo(130);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("EIGEN_MONTH, 4 records read, 4 accepted");

        // Without --themes (and no connector listing it) an existing FHIR extract gives what it gave: no months.
        out.reset();
        assertThat(validate("--agb", "06019999", "samples/fhir-eigen", "samples/eigen-mijlpalen.csv")).isZero();
        assertThat(eigen2026(out.toByteArray()).at("/indicators/measures/0/monthsReported").asInt()).isZero();
        assertThat(validate("--agb", "06019999", "--themes", "VBI", "samples/fhir-eigen")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--themes takes KWETSBAAR, ANTISTOLLING, DIAGNOSTIEK or EIGEN, comma-separated; not 'VBI'");
    }

    /** Each further theme's FHIR sample is its CSV sample as FHIR (themes.md's worked examples): the same indicators. */
    @ParameterizedTest
    @CsvSource({"KWETSBAAR, samples/fhir-kwetsbaar, samples/kwetsbaar.csv, ''",
            "ANTISTOLLING, samples/fhir-antistolling, samples/antistolling.csv, samples/stollingsdienst.csv",
            "DIAGNOSTIEK, samples/fhir-diagnostiek, samples/uitslagen.csv, ''"})
    void eachFurtherThemesFhirSampleGivesItsCsvSamplesIndicators(String theme, String fhir, String csv, String roster)
            throws Exception {
        List<String> extra = roster.isEmpty() ? List.of() : List.of(roster);
        List<String> fromFhir = new ArrayList<>(List.of("--agb", "06019999", "--themes", theme, fhir));
        fromFhir.addAll(extra);
        assertThat(validate(fromFhir.toArray(String[]::new))).isZero();
        Map<Integer, JsonNode> fhirDrafts = indicators(out.toByteArray(), theme);
        out.reset();
        List<String> fromCsv = new ArrayList<>(List.of("--agb", "06019999", csv));
        fromCsv.addAll(extra);
        assertThat(validate(fromCsv.toArray(String[]::new))).isZero();
        Map<Integer, JsonNode> csvDrafts = indicators(out.toByteArray(), theme);
        assertThat(fhirDrafts).as(theme).isNotEmpty().isEqualTo(csvDrafts);
    }

    private static Map<Integer, JsonNode> indicators(byte[] printed, String theme) throws Exception {
        Map<Integer, JsonNode> byYear = new TreeMap<>();
        for (JsonNode d : HubJson.MAPPER.readTree(printed)) {
            if (d.at("/theme/code").asText().equals(theme)) byYear.put(d.at("/period/year").asInt(), d.get("indicators"));
        }
        return byYear;
    }

    private static JsonNode eigen2026(byte[] printed) throws Exception {
        for (JsonNode d : HubJson.MAPPER.readTree(printed)) {
            if (d.at("/theme/code").asText().equals("EIGEN") && d.at("/period/year").asInt() == 2026) return d;
        }
        throw new AssertionError("no EIGEN draft of 2026 in " + new String(printed, StandardCharsets.UTF_8));
    }

    @Test
    void anUnusableFhirExtractExitsTwo() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty-export"));
        assertThat(validate("--agb", "06019999", empty.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("FHIR empty-export: unusable — EMPTY_EXPORT");
    }

    @Test
    void unusableInputExitsTwoAndNamesTheFile() throws Exception {
        Path bad = Files.writeString(dir.resolve("namen.csv"), "naam,bsn\nJan,123\n");
        assertThat(validate("--agb", "06019999", bad.toString(), "samples/vbi-2026-11-20.csv")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("namen.csv: unusable — UNKNOWN_HEADER").doesNotContain("Jan");
        assertThat(HubJson.MAPPER.readTree(out.toByteArray())).as("drafts of the usable file").hasSize(2);
        out.reset();
        assertThat(validate("--agb", "06019999", dir.resolve("missing.csv").toString())).isEqualTo(2);
        assertThat(validate("--agb", "6019999", "samples/vbi-2026-11-20.csv")).isEqualTo(2);
        assertThat(validate("--agb", "06019999")).isEqualTo(2);
    }

    /** A pain export as Excel's "CSV (puntkomma gescheiden)" writes it: windows-1252, an é on line 3. */
    private Path excelExport() throws Exception {
        String csv = "measurement_id;patient_id;measured_at;scale;value;opmerking\r\n"
                + "m1;p1;01-05-2025 08:00;NRS;4;rustig\r\n"
                + "m2;p2;01-05-2025 09:00;NRS;6;patiënt onrustig\r\n";
        return Files.write(dir.resolve("pijn.csv"), csv.getBytes(Charset.forName("windows-1252")));
    }

    @Test
    void aFileThatIsNoUtf8NamesTheLineAndWhatToDoAndCharsetReadsIt() throws Exception {
        Path file = excelExport();
        assertThat(validate("--agb", "06019999", file.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(
                "pijn.csv: unusable — NOT_TEXT: no UTF-8 text (line 3): if Excel saved it as \"CSV (puntkomma gescheiden)\","
                        + " set the connector's charset: windows-1252 (or validate --charset windows-1252), or save it as \"CSV UTF-8\"")
                .doesNotContain("onrustig").doesNotContain("pati");
        err.reset();
        out.reset();
        assertThat(validate("--agb", "06019999", "--charset", "windows-1252", file.toString())).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("pijn.csv: PIJN, 2 records read, 2 accepted, 0 rejected");
        assertThat(validate("--agb", "06019999", "--charset", "klingon", file.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--charset: unknown character set klingon");
        assertThat(validate("--agb", "06019999", "--charset", "UTF-16", file.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not ASCII-compatible");
    }

    @Test
    void theSummaryIsUtf8WhateverThePlatformsCharsetAndSaysTheDominantProblemFirst() throws Exception {
        StringBuilder csv = new StringBuilder("measurement_id,patient_id,measured_at,scale,value\n");
        for (int i = 0; i < 5; i++) csv.append("M-").append(i).append(",JANSEN,01-05-2025 08:00,NRS,5\n");
        for (int i = 0; i < 25; i++) csv.append(String.format("U-%d,JANSEN,%02d/09/25 01:%02d AM,NRS,5\n", i, 1 + i, 30 + i));
        Path file = Files.writeString(dir.resolve("pijn-us.csv"), csv);
        // System.err under LANG=C: a stream that writes '?' for every character beyond ASCII
        ByteArrayOutputStream platform = new ByteArrayOutputStream();
        PrintStream ascii = new PrintStream(platform, true, StandardCharsets.US_ASCII);
        Clock clock = Clock.fixed(Instant.parse("2026-11-21T01:00:00Z"), ZoneOffset.UTC);
        int exit = new ValidateCommand(StandaloneConfig.load(), clock, CommandLine.stdout(out), CommandLine.stderr(ascii))
                .run(List.of("--agb", "06019999", file.toString()));
        assertThat(exit).isZero();
        String summary = new String(platform.toByteArray(), StandardCharsets.UTF_8);
        assertThat(summary.lines().findFirst()).hasValue(file + ": most PIJN records rejected — measured_at: 25 of 30 rows"
                + " UNPARSABLE, values shaped dd/dd/dd dd:dd AM");
        assertThat(summary).contains("… and 5 more rejected records").doesNotContain("?").doesNotContain("JANSEN");
        ascii.print("…");
        assertThat(platform.toString(StandardCharsets.UTF_8)).as("what the platform's stream alone would print").endsWith("?");
    }
}
