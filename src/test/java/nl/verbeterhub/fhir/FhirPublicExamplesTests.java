package nl.verbeterhub.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.verbeterhub.extract.ExtractCommit;
import nl.verbeterhub.extract.TypeCounts;
import nl.verbeterhub.support.Fixture;
import nl.verbeterhub.theme.pijn.PainTheme;
import nl.verbeterhub.theme.vbi.VbiTheme;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real FHIR no one here wrote (Nictiz nl-core zib2020/zib2024 examples, Synthea): each nl-core example
 * maps to the record domain.md §6 says, and the Synthea export and Bundles give drafts without error.
 * Read from {@code ../shared} when that folder exists; never copied into the project.
 */
class FhirPublicExamplesTests {

    static final Path SHARED = Path.of("../shared/fhir-examples");
    static final Path PUBLIC = SHARED.resolve("public");

    @TempDir
    Path dir;

    @BeforeAll
    static void sharedFolder() {
        Assumptions.assumeTrue(Files.isDirectory(PUBLIC), "the public FHIR examples are read from ../shared, absent here");
    }

    /** Per example file: what it is to the hub, as {@code TYPE read/accepted [REASON…]}, or {@code -} for no record. */
    private static final Map<String, String> NL_CORE = new TreeMap<>(Map.ofEntries(
            Map.entry("nl-core-Admission-alt-1.json", "ADMISSION 1/1"),
            Map.entry("nl-core-Admission-zib-1.json", "ADMISSION 1/1"),
            Map.entry("nl-core-CareAgreement-01-Patient-01.json", "-"),
            Map.entry("nl-core-CareTeam-01-Patient-01.json", "-"),
            Map.entry("nl-core-ChecklistPainBehavior-01.json", "-"),
            Map.entry("nl-core-ComfortScale-01.json", "PIJN 1/1"),
            Map.entry("nl-core-ComfortScale-02.json", "PIJN 1/1"),
            Map.entry("nl-core-ComfortScale-zib-1.json", "PIJN 1/1"),
            Map.entry("nl-core-ComfortScale-zib-2.json", "PIJN 1/1"),
            Map.entry("nl-core-DOSScore-01.json", "-"),
            Map.entry("nl-core-FLACCpainScale-zib-1.json", "PIJN 1/1"),
            Map.entry("nl-core-FreedomRestrictingIntervention-zib-1.json", "VBI 1/0 {UNKNOWN_INTERVENTION=1}"),
            Map.entry("nl-core-FreedomRestrictingIntervention-zib-2.json", "VBI 1/0 {UNKNOWN_INTERVENTION=1}"),
            Map.entry("nl-core-MultidisciplinaryTeamMeeting-01-Procedure-01.json", "-"),
            Map.entry("nl-core-PainScore-zib-1.json", "PIJN 1/1"),
            Map.entry("nl-core-Patient-02.json", "-"),
            Map.entry("nl-core-Patient-alt-1.json", "-"),
            Map.entry("nl-core-Patient-zib-1.json", "-"),
            Map.entry("nl-core-Procedure-event-02.json", "-"),
            Map.entry("nl-core-TextResult-01-Procedure-01.json", "-"),
            Map.entry("nl-core-TreatmentDirective2-02-Patient-01.json", "-")));

    /** The zib2020 examples beside them (the Encounter's status is unknown: no admission). */
    private static final Map<String, String> ZIB2020 = new TreeMap<>(Map.of(
            "nl-core-Encounter-01.json", "-",
            "nl-core-FLACCpainScale-01.json", "PIJN 1/1",
            "nl-core-FreedomRestrictingIntervention-01.json", "VBI 1/1",
            "nl-core-PainScore-01.json", "PIJN 1/1",
            "nl-core-Patient-01.json", "-",
            "nl-core-Procedure-event-01.json", "-"));

    private static String outcome(ExtractCommit c) {
        if (c.counts().isEmpty()) return "-";
        return c.counts().entrySet().stream().map(e -> describe(e.getKey().name(), e.getValue())).collect(Collectors.joining("; "));
    }

    private static String describe(String type, TypeCounts n) {
        return type + " " + n.read() + "/" + n.accepted() + (n.rejectedTotal() == 0 ? "" : " " + n.rejectedByReason());
    }

    @Test
    void eachNlCoreExampleMapsToTheRecordTheContractSays() throws Exception {
        Map<String, String> actual = new TreeMap<>();
        try (Fixture f = new Fixture(dir)) {
            for (String file : NL_CORE.keySet()) {
                actual.put(file, outcome(f.deliverFhir("nictiz", PUBLIC.resolve("nictiz/json").resolve(file))));
            }
            for (String file : ZIB2020.keySet()) actual.put(file, outcome(f.deliverFhir("zib2020", SHARED.resolve(file))));
        }
        Map<String, String> expected = new TreeMap<>(NL_CORE);
        expected.putAll(ZIB2020);
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void theNictizExportAsNdjsonAndAsOneBundleGiveTheSameDrafts() throws Exception {
        try (Fixture ndjson = new Fixture(dir.resolve("a")); Fixture bundle = new Fixture(dir.resolve("b"))) {
            ExtractCommit a = ndjson.deliverFhir("nictiz", PUBLIC.resolve("nictiz/ndjson"));
            ExtractCommit b = bundle.deliverFhir("nictiz", PUBLIC.resolve("nictiz/bundle/nictiz-collection.json"));
            assertThat(a.report().resourcesRead()).isEqualTo(b.report().resourcesRead());
            assertThat(a.report().unparsable()).isZero();
            for (int year : new int[] {2013, 2016}) {
                assertThat(ndjson.indicators(PainTheme.THEME, year)).isEqualTo(bundle.indicators(PainTheme.THEME, year));
            }
            // 2016: COMFORT 14, 15, 15, 15 and FLACC 6, all vulnerable; two patients.
            assertThat(ndjson.indicators(PainTheme.THEME, 2016).get("measurements").asInt()).isEqualTo(5);
            assertThat(ndjson.indicators(PainTheme.THEME, 2016).get("patients").asInt()).isEqualTo(2);
            assertThat(ndjson.indicators(PainTheme.THEME, 2016).at("/vulnerable/measurements").asInt()).isEqualTo(5);
            assertThat(ndjson.drafts(VbiTheme.THEME)).as("both VBI examples are rejected").isEmpty();
        }
    }

    @Test
    void theSyntheaExportAndBundlesGiveDraftsWithoutError() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            ExtractCommit export = f.deliverFhir("synthea", PUBLIC.resolve("synthea/ndjson"));
            assertThat(export.report().unparsable()).isZero();
            try (Stream<Path> bundles = Files.list(PUBLIC.resolve("synthea/bundle"))) {
                for (Path bundle : bundles.sorted().toList()) {
                    ExtractCommit c = f.deliverFhir("bundles-" + bundle.getFileName(), bundle);
                    assertThat(c.report().unparsable()).as(bundle.toString()).isZero();
                }
            }
            assertThat(f.rejections()).isEmpty();
            // Synthea codes pain as LOINC 72514-3 with a valueQuantity: NRS.
            assertThat(f.drafts(PainTheme.THEME)).hasSizeGreaterThan(5);
            assertThat(f.indicators(PainTheme.THEME, 2012).get("measurements").asInt()).isPositive();
        }
    }
}
