package nl.verbeterhub.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static nl.verbeterhub.fhir.ReaderComparison.lineOf;
import static nl.verbeterhub.fhir.ReaderComparison.lines;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.verbeterhub.admission.Admissions;
import nl.verbeterhub.bench.FhirExportGenerator;
import nl.verbeterhub.connector.SourceSettings;
import nl.verbeterhub.extract.TypeCounts;
import nl.verbeterhub.fhir.ReaderComparison.Outcome;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.support.FhirJson;
import nl.verbeterhub.theme.nuchter.FastingTheme;
import nl.verbeterhub.theme.pijn.PainTheme;
import nl.verbeterhub.theme.vbi.VbiTheme;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming reader ({@link JsonResourceReader}) and HAPI's full parse ({@link HapiResourceReader}) read the
 * same NDJSON alike: per resource, every element the mapping reads; per extract, every record, removal and
 * rejection that reaches the sink, in order, with the same counts and source report. Over the public examples,
 * generated exports of every record type and the hand-made {@link FhirReaderEdgeCases}.
 *
 * <p>Left out of the edge cases, as the readers cannot agree on them by design: JSON of the wrong shape (a string
 * where an object belongs, a number for a string, {@code null}, a choice element given twice), where the streaming
 * reader skips what it does not expect and HAPI's lenient parse coerces or drops it in its own way. Left out as
 * well, being known differences still open: a decimal {@code -0.0} or {@code -0} (HAPI's BigDecimal drops the sign:
 * the same record, other text), and an exponent past 100 such as {@code 1e400} (HAPI writes it out in full).
 */
class FhirReadersTests {

    private static final Path PUBLIC = Path.of("../shared/fhir-examples/public");
    private static final SourceSettings.Fhir BY_BSN = new SourceSettings.Fhir(Optional.of(FhirJson.BSN), Optional.empty());
    private static final int ROWS = 3_000;

    @TempDir
    Path dir;

    private ReaderComparison both;

    @BeforeEach
    void both() {
        both = new ReaderComparison(dir);
    }

    @Test
    void publicExamples() throws Exception {
        assumeTrue(Files.isDirectory(PUBLIC), "the public FHIR examples are read from ../shared, absent here");
        // As FhirPublicExamplesTests has them per example: the VBIs' codes are of no score table, Synthea has NRS only.
        Map<String, Map<RecordType, String>> expected = Map.of(
                "nictiz", Map.of(VbiTheme.VBI, "2 read, 0 accepted, {UNKNOWN_INTERVENTION=2}",
                        PainTheme.PIJN, "6 read, 6 accepted, {}", Admissions.ADMISSION, "2 read, 2 accepted, {}"),
                "synthea", Map.of(PainTheme.PIJN, "11 read, 11 accepted, {}"));
        for (String source : List.of("nictiz", "synthea")) {
            Path export = PUBLIC.resolve(source).resolve("ndjson");
            assertThat(both.sameResources(export)).as(source).isEqualTo(lines(export));
            Outcome o = both.sameExtract(export, SourceSettings.Fhir.DEFAULTS);
            assertThat(o.describedCounts()).as(source).containsExactlyInAnyOrderEntriesOf(expected.get(source));
            assertThat(o.report().unparsable()).isZero();
            both.sameExtract(export, BY_BSN);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"VBI", "NUCHTER", "PIJN", "ADMISSION"})
    void generatedExports(RecordType type) throws Exception {
        Path export = dir.resolve("export-" + type);
        FhirExportGenerator.write(type, ROWS, 7, export);
        assertThat(both.sameResources(export)).isEqualTo(lines(export));
        Outcome o = both.sameExtract(export, SourceSettings.Fhir.DEFAULTS);
        TypeCounts counts = o.counts().get(type);
        assertThat(counts.read()).isEqualTo(ROWS);
        // About one in a hundred is drawn invalid: some rejections, most accepted.
        assertThat(counts.rejectedTotal()).isBetween(5L, 100L);
        assertThat(o.puts()).isEqualTo(counts.accepted());
        assertThat(o.report().unparsable()).isZero();
    }

    @Test
    void edgeCases() throws Exception {
        Path export = FhirReaderEdgeCases.write(dir.resolve("edge"));
        int unparsable = 3;
        assertThat(both.sameResources(export)).isEqualTo(lines(export) - unparsable);
        Outcome o = both.sameExtract(export, SourceSettings.Fhir.DEFAULTS);
        assertThat(o.report().unparsable()).isEqualTo(unparsable);
        assertThat(o.report().firstUnparsable()).containsExactly("Mixed.ndjson:5", "Mixed.ndjson:6", "Mixed.ndjson:7");
        assertThat(o.events()).filteredOn(e -> e.startsWith("remove ")).as("entered-in-error").hasSize(4);
        // What they agree on is what domain.md §2 and §6 say, not a shared mistake.
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("Observation q5", "UNPARSABLE value");
        expected.put("Observation q7", "OUT_OF_RANGE value");
        expected.put("Observation s-done", "UNPARSABLE status");
        expected.put("Observation s-missing", "MISSING_FIELD status");
        expected.put("Observation d5", "UNPARSABLE measured_at");
        expected.put("Observation d7", "UNPARSABLE measured_at");
        expected.put("Observation p1", "UNPARSABLE measured_at");
        expected.put("Observation r3", "UNRESOLVED_REFERENCE patient_id");
        expected.put("Observation r4", "UNRESOLVED_REFERENCE patient_id");
        expected.put("Observation c4", "UNKNOWN_SCALE scale");
        expected.put("Procedure v4", "OUT_OF_RANGE score");
        expected.put("Procedure v6", "UNKNOWN_INTERVENTION intervention_type");
        expected.put("Procedure v11", "END_BEFORE_START end");
        expected.put("Procedure v12", "UNPARSABLE start");
        expected.put("Procedure v12b", "UNPARSABLE start");
        expected.put("Procedure n2", "UNPARSABLE birth_date");
        expected.put("Procedure n4", "UNRESOLVED_REFERENCE patient_id");
        expected.put("Procedure n6", "UNRESOLVED_REFERENCE patient_id");
        expected.put("Procedure n7", "UNRESOLVED_REFERENCE patient_id");
        expected.put("Procedure v16", "MISSING_FIELD start");
        expected.put("Encounter a5", "UNPARSABLE admitted_at");
        expected.put("Encounter a6", "END_BEFORE_START discharged_at");
        for (var e : expected.entrySet()) {
            String[] fileAndId = e.getKey().split(" ");
            long line = lineOf(export, fileAndId[0], fileAndId[1]);
            assertThat(o.rejection(fileAndId[0] + ".ndjson", line)).as(e.getKey()).isEqualTo(e.getValue());
        }
        assertThat(o.accepted(PainTheme.PIJN, "Observation/q2", "Observation/q3", "Observation/q4", "Observation/d3",
                "Observation/d4", "Observation/r1", "Observation/r2", "M-1", "M-2", "M-3", "Observation/i4", "Observation/c3")).isTrue();
        assertThat(o.accepted(VbiTheme.VBI, "Procedure/v1", "Procedure/v2", "Procedure/v3", "Procedure/v10", "VBI-15"))
                .isTrue();
        assertThat(o.accepted(Admissions.ADMISSION, "Encounter/a2", "Encounter/a3")).isTrue();
        assertThat(o.accepted(Admissions.ADMISSION, "Encounter/a4")).as("PA is part of an admission").isFalse();
        assertThat(o.accepted(FastingTheme.NUCHTER, "Procedure/n1")).isTrue();
        both.sameExtract(export, BY_BSN);
    }

    /** What the comparison rests on: the values the edge cases are about are read, not lost by both readers alike. */
    @Test
    void edgeCaseValuesAreReadAsWritten() throws Exception {
        Path export = FhirReaderEdgeCases.write(dir.resolve("edge"));
        Map<String, String> read = new HashMap<>();
        both.forEachResource(export, (where, streaming, parsed) -> read.put(streaming.resourceType + "/" + streaming.id,
                streaming.describe()));
        assertThat(read.get("Observation/q2")).contains("value=null|4.50|null");
        assertThat(read.get("Observation/q3")).contains("value=null|10|null");
        assertThat(read.get("Observation/q4")).contains("value=null|45|null");
        assertThat(read.get("Observation/c1")).contains("profiles=[http://nictiz.nl/fhir/StructureDefinition/nl-core-PainScore|2.0.0]");
        assertThat(read.get("Observation/r2")).contains("subject=Patient/1/_history/2|null|null");
        assertThat(read.get("Observation/r3")).contains("subject=#p|null|null");
        assertThat(read.get("Observation/r5")).contains("subject=null|" + FhirJson.BSN + "|999911120");
        assertThat(read.get("Observation/d7")).contains("effective=2025|null");
        assertThat(read.get("Observation/i2")).contains("identifiers=[null|M-2;]");
        assertThat(read.get("Procedure/v3")).contains("vbiScore=true|3");
        assertThat(read.get("Procedure/v5")).contains("vbiScore=true|null");
        assertThat(read.get("Encounter/a3")).contains("class=[urn:oid:2.16.840.1.113883.2.4.3.11.60.40.4.29.1|TA;]");
        assertThat(read.get("Patient/c2")).contains("birthDate=2015");
    }
}
