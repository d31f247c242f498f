package nl.verbeterhub.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import nl.verbeterhub.connector.SourceSettings;
import nl.verbeterhub.json.HubJson;
import nl.verbeterhub.support.FhirJson;
import nl.verbeterhub.support.Fixture;
import nl.verbeterhub.theme.eigen.EigenTheme;
import nl.verbeterhub.theme.eigen.OwnGoals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * EIGEN months from {@code summary} MeasureReports (themes.md §4.4): the worked example of §4.6 with its
 * months as FHIR and its milestones as CSV gives what the CSV example gives; the period must be one local
 * calendar month; FHIR and CSV deliveries of a month replace each other.
 */
class FhirEigenTests {

    static final SourceSettings.Fhir EIGEN = SourceSettings.Fhir.DEFAULTS.withThemes(Set.of(EigenTheme.THEME));
    private static final String MEASURE = "http://ziekenhuis.example/fhir/Measure/";
    private static final String POPULATION = "http://terminology.hl7.org/CodeSystem/measure-population";

    @TempDir
    Path dir;

    /** The repository's example definition (goals/06019999.yaml) is themes.md §4.1's. */
    private static OwnGoals goals() {
        return OwnGoals.load(Path.of("goals"));
    }

    static FhirJson month(String id, String measure, String start, String end, Integer numerator, Integer denominator) {
        FhirJson r = FhirJson.resource("MeasureReport", id).put("status", "complete").put("type", "summary")
                .put("measure", measure).period("period", start, end);
        ArrayNode populations = r.node().putArray("group").addObject().putArray("population");
        if (numerator != null) population(populations, "numerator", numerator);
        if (denominator != null) population(populations, "denominator", denominator);
        population(populations, "initial-population", 999);
        return r;
    }

    private static void population(ArrayNode populations, String code, int count) {
        ObjectNode p = populations.addObject();
        p.putObject("code").putArray("coding").addObject().put("system", POPULATION).put("code", code);
        p.put("count", count);
    }

    private static List<String> rejections(Fixture f) {
        return f.rejections().stream().map(r -> r.position() + " " + r.reason() + " " + r.field()).toList();
    }

    @Test
    void theWorkedExampleFromMeasureReportsGivesWhatTheCsvExampleGives() throws Exception {
        Path export = FhirJson.ndjson(dir.resolve("export/MeasureReport.ndjson"),
                // Each form of a month: dates; 00:00 local to 00:00 on the next first day; a time on the last day.
                month("r1", MEASURE + "mo-24u|3", "2026-01-01", "2026-01-31", 80, 100),
                month("r2", MEASURE + "MO-24U", "2026-02-01T00:00:00+01:00", "2026-03-01T00:00:00+01:00", 45, 50),
                month("r3", "Measure/valincidenten", "2026-01-01", "2026-01-31T23:59:59+01:00", 3, null),
                month("r4", MEASURE + "mo-24u", "2025-12-31T23:00:00Z", "2026-01-31", 85, 100));
        String milestones = Files.readString(Path.of("samples/eigen-mijlpalen.csv"));
        try (Fixture fhir = new Fixture(Files.createDirectories(dir.resolve("fhir")), 1, goals());
             Fixture csv = new Fixture(Files.createDirectories(dir.resolve("csv")), 1, goals())) {
            fhir.deliverFhir("eigen-fhir", EIGEN, export.getParent());
            fhir.deliver("eigen-mijlpalen", milestones);
            csv.deliver("eigen-maanden", Files.readString(Path.of("samples/eigen-maanden.csv")));
            csv.deliver("eigen-mijlpalen", milestones);
            assertThat(rejections(fhir)).isEmpty();
            ObjectNode indicators = fhir.indicators(EigenTheme.THEME, 2026);
            assertThat(indicators).isEqualTo(csv.indicators(EigenTheme.THEME, 2026));
            assertThat(indicators.at("/measures/0/numerator").asLong()).as("r4 replaced r1").isEqualTo(130);
            assertThat(indicators.at("/measures/0/value").decimalValue()).isEqualByComparingTo("0.8667");
            assertThat(indicators.at("/measures/1/value").asLong()).isEqualTo(3);
            assertThat(fhir.draft(EigenTheme.THEME, 2026).at("/pdca/check").asText()).isEqualTo(
                    "In 2026 zijn voor 'Medicatieoverdracht bij ontslag' 2 van 2 indicatoren aangeleverd; mijlpalen gereed: 1 van 3.");
            assertThat(fhir.draft(EigenTheme.THEME, 2026).at("/dataQuality/recordsAccepted").asLong()).isEqualTo(6);
        }
    }

    @Test
    void withoutTheThemeListedAMeasureReportIsNoRecord() throws Exception {
        Path export = FhirJson.ndjson(dir.resolve("export/MeasureReport.ndjson"),
                month("r1", MEASURE + "mo-24u", "2026-01-01", "2026-01-31", 80, 100));
        try (Fixture f = new Fixture(dir, 1, goals())) {
            f.deliverFhir("eigen-fhir", SourceSettings.Fhir.DEFAULTS, export.getParent());
            assertThat(f.drafts(EigenTheme.THEME)).isEmpty();
            assertThat(f.rejections()).isEmpty();
        }
    }

    @Test
    void aPeriodThatIsNotOneLocalMonthAndOtherFlawsAreRejectedByField() throws Exception {
        Path export = FhirJson.ndjson(dir.resolve("export/MeasureReport.ndjson"),
                month("m1", MEASURE + "mo-24u", "2026-01-02", "2026-01-31", 1, 2),
                month("m2", MEASURE + "mo-24u", "2026-01-01", "2026-01-30", 1, 2),
                // A date is the whole day: to the next first day is a month and a day.
                month("m3", MEASURE + "mo-24u", "2026-01-01", "2026-02-01", 1, 2),
                // 00:00 UTC is 01:00 in Amsterdam: not the month's start.
                month("m4", MEASURE + "mo-24u", "2026-01-01T00:00:00Z", "2026-01-31", 1, 2),
                month("m5", MEASURE + "mo-24u", "2026-01", "2026-01-31", 1, 2),
                month("m6", MEASURE + "mo-24u", "2026-01-01", "2026-01-31", null, 2),
                month("m7", MEASURE + "mo-24u", "2026-01-01", "2026-01-31", 3, 2),
                month("m8", MEASURE + "onbekend", "2026-01-01", "2026-01-31", 1, 2),
                month("m9", MEASURE + "mo-24u", "2026-03-01", "2026-03-31", 1, null),
                month("m10", MEASURE + "mo-24u", "2026-03-01", "2026-03-31", 1, 2).remove("period"),
                month("m11", MEASURE + "mo-24u", "2026-04-01", "2026-04-30", 1, 2).remove("status"),
                // Not records: another type of report, a pending one.
                month("m13", MEASURE + "mo-24u", "2026-05-01", "2026-05-31", 1, 2).put("type", "individual"),
                month("m14", MEASURE + "mo-24u", "2026-05-01", "2026-05-31", 1, 2).put("status", "pending"));
        try (Fixture f = new Fixture(dir, 1, goals())) {
            f.deliverFhir("eigen-fhir", EIGEN, export.getParent());
            assertThat(rejections(f)).containsExactly(
                    "MeasureReport.ndjson line 1 UNPARSABLE month", "MeasureReport.ndjson line 2 UNPARSABLE month",
                    "MeasureReport.ndjson line 3 UNPARSABLE month", "MeasureReport.ndjson line 4 UNPARSABLE month",
                    "MeasureReport.ndjson line 5 UNPARSABLE month", "MeasureReport.ndjson line 6 MISSING_FIELD numerator",
                    "MeasureReport.ndjson line 7 OUT_OF_RANGE numerator", "MeasureReport.ndjson line 8 UNPARSABLE indicator_id",
                    "MeasureReport.ndjson line 9 MISSING_FIELD denominator", "MeasureReport.ndjson line 10 MISSING_FIELD month",
                    "MeasureReport.ndjson line 11 MISSING_FIELD status");
            assertThat(f.drafts(EigenTheme.THEME)).as("no month accepted").allSatisfy(d ->
                    assertThat(d.value().at("/dataQuality/recordsAccepted").asLong()).isZero());
        }
    }

    /** themes.md §0.6: entered-in-error removes, for a MeasureReport too (R4's value set lacks it; the contract wins). */
    @Test
    void anEnteredInErrorReportRemovesItsMonthHoweverItSpellsTheIndicator() throws Exception {
        try (Fixture f = new Fixture(dir, 1, goals())) {
            f.deliverFhir("eigen-fhir", EIGEN, FhirJson.ndjson(dir.resolve("a/MeasureReport.ndjson"),
                    month("r1", MEASURE + "mo-24u", "2026-01-01", "2026-01-31", 80, 100),
                    month("r2", MEASURE + "mo-24u", "2026-02-01", "2026-02-28", 45, 50)).getParent());
            assertThat(f.indicators(EigenTheme.THEME, 2026).at("/measures/0/monthsReported").asInt()).isEqualTo(2);
            var commit = f.deliverFhir("eigen-fhir", EIGEN, FhirJson.ndjson(dir.resolve("b/MeasureReport.ndjson"),
                    month("r1", MEASURE + "MO-24U", "2026-01-01", "2026-01-31", 80, 100).put("status", "entered-in-error"))
                    .getParent());
            assertThat(commit.report().removed()).isEqualTo(1);
            assertThat(f.rejections()).isEmpty();
            ObjectNode measure = (ObjectNode) f.indicators(EigenTheme.THEME, 2026).at("/measures/0");
            assertThat(measure.get("monthsReported").asInt()).isEqualTo(1);
            assertThat(measure.get("numerator").asLong()).isEqualTo(45);
        }
    }

    @Test
    void fhirAndCsvDeliveriesOfAMonthReplaceEachOther() throws Exception {
        try (Fixture f = new Fixture(dir, 1, goals())) {
            f.deliver("eigen-csv", "indicator_id;month;numerator;denominator\nmo-24u;2026-01;80;100\n");
            Path export = FhirJson.ndjson(dir.resolve("export/MeasureReport.ndjson"),
                    month("r1", MEASURE + "MO-24u", "2026-01-01", "2026-01-31", 90, 100));
            f.deliverFhir("eigen-fhir", EIGEN, export.getParent());
            ObjectNode measure = (ObjectNode) f.indicators(EigenTheme.THEME, 2026).at("/measures/0");
            assertThat(measure.get("monthsReported").asInt()).isEqualTo(1);
            assertThat(measure.get("numerator").asLong()).isEqualTo(90);
            f.deliver("eigen-csv", "indicator_id;month;numerator;denominator\nmo-24u;2026-01;70;100\n");
            assertThat(f.indicators(EigenTheme.THEME, 2026).at("/measures/0/numerator").asLong()).isEqualTo(70);
        }
    }

    @Test
    void bothReadersReadMeasureReportsAlikeThePublicDeqmExampleIncluded() throws Exception {
        Path export = FhirJson.ndjson(dir.resolve("export/MeasureReport.ndjson"),
                month("r1", MEASURE + "mo-24u|3", "2026-01-01", "2026-01-31", 80, 100),
                month("r2", MEASURE + "valincidenten", "2026-01-01T00:00:00+01:00", "2026-02-01T00:00:00+01:00", 3, null));
        ReaderComparison both = new ReaderComparison(Files.createDirectories(dir.resolve("compare")));
        assertThat(both.sameResources(export.getParent())).isEqualTo(2);
        assertThat(both.sameExtract(export.getParent(), EIGEN).describedCounts()).containsEntry(
                nl.verbeterhub.theme.eigen.EigenTheme.EIGEN_MONTH, "2 read, 0 accepted, {UNPARSABLE=2}");

        Path deqm = Path.of("../shared/fhir-examples/deqm/MeasureReport-summ-measurereport01.json");
        assumeTrue(Files.isRegularFile(deqm), "the public DEQM example is read from ../shared, absent here");
        String line = HubJson.MAPPER.writeValueAsString(HubJson.MAPPER.readTree(deqm.toFile()));
        Path public_ = FhirJson.lines(dir.resolve("deqm/MeasureReport.ndjson"), List.of(line));
        assertThat(both.sameResources(public_.getParent())).isEqualTo(1);
        ReaderComparison.Outcome read = both.sameExtract(public_.getParent(), EIGEN);
        // Its measure is no indicator of this hospital's definition; its period (August 1 to September 1,
        // dates) is a month and a day.
        assertThat(read.rejections()).singleElement().satisfies(r -> assertThat(r.field()).isEqualTo("indicator_id"));
        assertThat(EigenRows.month("2018-08-01", "2018-09-01")).isNull();
        assertThat(EigenRows.indicator("http://hl7.org/fhir/uv/deqm/Measure/measure-mrp-example|1.0.0-ballot"))
                .isEqualTo("measure-mrp-example");
    }
}
