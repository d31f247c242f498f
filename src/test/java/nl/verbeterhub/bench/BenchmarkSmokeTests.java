package nl.verbeterhub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import nl.verbeterhub.admission.Admissions;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.theme.diagnostiek.DiagnostiekTheme;
import nl.verbeterhub.theme.nuchter.FastingTheme;
import nl.verbeterhub.theme.pijn.PainTheme;
import nl.verbeterhub.theme.vbi.VbiTheme;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark harness at a smoke size, so that it keeps working; the real runs are bench/run.sh. */
class BenchmarkSmokeTests {

    @TempDir
    Path dir;

    @Test
    void theGeneratorIsDeterministicInBothDialects() throws Exception {
        for (ExportGenerator.Dialect dialect : ExportGenerator.Dialect.values()) {
            for (RecordType type : ExportGenerator.GENERATED) {
                Path a = ExportGenerator.write(type, dialect, 500, 7, dir.resolve(type + "-" + dialect + "-a.csv"));
                Path b = ExportGenerator.write(type, dialect, 500, 7, dir.resolve(type + "-" + dialect + "-b.csv"));
                assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
            }
        }
    }

    @Test
    void theFloorAndTheValidatePathRunOnASmallExport() throws Exception {
        Path file = ExportGenerator.write(PainTheme.PIJN, ExportGenerator.Dialect.DUTCH, 2_000, 1, dir.resolve("pijn.csv"));
        HeapWatch heap = new HeapWatch();
        assertThat(BenchCase.floor(file, heap)).isPositive();
        assertThat(BenchCase.validate(file, heap)).isPositive();
        assertThat(heap.peakUsed()).isPositive();
    }

    @Test
    void theFhirExportIsDeterministicAndValidR4CodedAsDomainSection6Maps() throws Exception {
        // Strict: an unknown element or a malformed value fails the parse instead of being logged.
        IParser strict = FhirContext.forR4Cached().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        // The record types domain.md §6 maps, and DIAGNOSTIEK's reports with their requests, results and tasks.
        for (RecordType type : List.of(VbiTheme.VBI, FastingTheme.NUCHTER, PainTheme.PIJN, Admissions.ADMISSION,
                DiagnostiekTheme.DIAGNOSTIEK)) {
            List<Path> a = FhirExportGenerator.write(type, 300, 7, dir.resolve(type + "-a"));
            List<Path> b = FhirExportGenerator.write(type, 300, 7, dir.resolve(type + "-b"));
            assertThat(a).hasSameSizeAs(b);
            for (int i = 0; i < a.size(); i++) {
                assertThat(Files.readAllBytes(a.get(i))).isEqualTo(Files.readAllBytes(b.get(i)));
            }
            Map<String, Integer> records = new TreeMap<>();
            for (Path file : a) {
                for (String line : Files.readAllLines(file)) {
                    Resource r = (Resource) strict.parseResource(line);
                    assertThat(file.getFileName().toString()).isEqualTo(r.fhirType() + ".ndjson");
                    String kind = kind(r);
                    if (kind != null) records.merge(kind, 1, Integer::sum);
                }
            }
            String expected = switch (type.name()) {
                case "PIJN" -> "pain";
                case "VBI" -> "vbi";
                case "NUCHTER" -> "anaesthesia";
                case "ADMISSION" -> "admission";
                case "DIAGNOSTIEK" -> "report";
                default -> throw new IllegalArgumentException("no FHIR export generated for " + type);
            };
            assertThat(records).containsEntry(expected, 300).doesNotContainKey("other");
        }
    }

    /** Which record of domain.md §6 a resource is, by system and code; null for the others. */
    private static String kind(Resource r) {
        if (r instanceof Observation o) {
            String method = "urn:oid:2.16.840.1.113883.2.4.3.11.60.40.4.9.1";
            if (o.getCode().hasCoding("http://snomed.info/sct", "225908003")) {
                // a known method, else it would be UNKNOWN_SCALE
                boolean known = o.getMethod().hasCoding(method, "NRS") || o.getMethod().hasCoding(method, "VAS10")
                        || o.getMethod().hasCoding(method, "VAS100");
                return known ? "pain" : "other";
            }
            if (o.getCode().hasCoding("http://snomed.info/sct", "108291000146105")
                    || o.getCode().hasCoding("http://loinc.org", "72514-3")) {
                return "pain";
            }
            if (o.getCode().hasCoding("http://loinc.org", "2345-7")) return null; // a report's result
            return o.getCode().hasCoding("http://loinc.org", "67517-3") ? null : "other";
        }
        if (r instanceof Procedure p) {
            if (p.getCategory().hasCoding("http://snomed.info/sct", "225317005")) return "vbi";
            return p.getCode().hasCoding("http://snomed.info/sct", "399097000") ? "anaesthesia" : "other";
        }
        if (r instanceof Encounter e) {
            return "IMP".equals(e.getClass_().getCode()) ? "admission" : null;
        }
        return r instanceof org.hl7.fhir.r4.model.DiagnosticReport ? "report" : null;
    }

    @Test
    void theNdjsonCasesRunOnASmallExport() throws Exception {
        FhirExportGenerator.write(FastingTheme.NUCHTER, 500, 3, dir.resolve("nuchter"));
        HeapWatch heap = new HeapWatch();
        // each throws when it read nothing
        FhirParse.floor(dir.resolve("nuchter"), heap);
        FhirParse.hapi(dir.resolve("nuchter"), heap);
        // every line of every file, Patients and intakes included
        long lines = 0;
        try (Stream<Path> files = Files.list(dir.resolve("nuchter"))) {
            for (Path f : files.toList()) lines += Files.readAllLines(f).size();
        }
        assertThat(FhirParse.parse(FhirContext.forR4Cached().newJsonParser(), dir.resolve("nuchter"), Long.MAX_VALUE))
                .isEqualTo(lines);
    }
}
