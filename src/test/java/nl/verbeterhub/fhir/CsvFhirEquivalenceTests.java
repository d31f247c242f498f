package nl.verbeterhub.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.verbeterhub.admission.Admissions;
import nl.verbeterhub.draft.Draft;
import nl.verbeterhub.extract.Rejection;
import nl.verbeterhub.record.ReasonCode;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.support.Fixture;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.nuchter.FastingTheme;
import nl.verbeterhub.theme.pijn.PainTheme;
import nl.verbeterhub.theme.vbi.VbiTheme;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * domain.md §6 "Equivalence": the same records delivered as CSV and as a FHIR R4 bulk export give the same
 * drafts. {@link TwinExports} writes both sides from one random stream, leaving empty on the CSV side what
 * FHIR cannot carry ({@code alternatives_considered}, {@code vulnerable}), so that every indicator must be
 * equal, together with the period and the data-quality counts, per theme and year. Each side is ingested
 * by the real code into a store of its own. The records planted invalid must be rejected alike on both sides,
 * by reason and field, and the indicators must be far from empty, so that equality means something.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsvFhirEquivalenceTests {

    private static final long SEED = 20_250_330L;
    private static final int RECORDS_PER_TYPE = 3000;
    private static final List<String> DATA_QUALITY = List.of("recordsRead", "recordsAccepted", "recordsRejected",
            "rejectedByReason");

    @TempDir
    static Path dir;

    private TwinExports twins;
    private Fixture csv;
    private Fixture fhir;

    @BeforeAll
    void deliverBothSides() throws Exception {
        twins = TwinExports.generate(SEED, RECORDS_PER_TYPE);
        csv = new Fixture(Files.createDirectories(dir.resolve("csv")));
        for (RecordType type : List.of(PainTheme.PIJN, VbiTheme.VBI, Admissions.ADMISSION, FastingTheme.NUCHTER)) {
            csv.deliver(type.name().toLowerCase(Locale.ROOT) + "-csv", twins.csv(type));
        }
        fhir = new Fixture(Files.createDirectories(dir.resolve("fhir")));
        // One bulk export holding all four record types, as a hospital's $export would.
        fhir.deliverFhir("bulk-fhir", twins.writeFhir(dir.resolve("export")));
    }

    @AfterAll
    void closeStores() {
        if (csv != null) csv.close();
        if (fhir != null) fhir.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"VBI", "NUCHTER", "PIJN"}) // the themes FHIR is mapped for (decision 96)
    void bothSidesGiveTheSameDraftsPerYear(Theme theme) {
        Map<Integer, ObjectNode> fromCsv = byYear(csv.drafts(theme));
        Map<Integer, ObjectNode> fromFhir = byYear(fhir.drafts(theme));
        assertThat(fromFhir.keySet()).as("%s: the years with a draft", theme).isEqualTo(fromCsv.keySet());
        assertThat(fromCsv.keySet()).as("%s: years", theme).contains(2025, 2026);
        fromCsv.forEach((year, expected) -> {
            ObjectNode actual = fromFhir.get(year);
            String what = theme + " " + year;
            assertThat(actual.get("indicators")).as(what + " indicators").isEqualTo(expected.get("indicators"));
            assertThat(actual.get("period")).as(what + " period").isEqualTo(expected.get("period"));
            for (String count : DATA_QUALITY) {
                assertThat(actual.at("/dataQuality/" + count)).as(what + " dataQuality." + count)
                        .isEqualTo(expected.at("/dataQuality/" + count));
            }
        });
    }

    @Test
    void bothSidesRejectExactlyThePlantedRecordsForTheSameReasonAndField() {
        Map<String, Long> planted = count(twins.planted(), p -> p.type() + " " + p.reason() + " " + p.field());
        assertThat(count(csv.rejections(), CsvFhirEquivalenceTests::why)).as("CSV rejections").isEqualTo(planted);
        assertThat(count(fhir.rejections(), CsvFhirEquivalenceTests::why)).as("FHIR rejections").isEqualTo(planted);
    }

    @Test
    void everyKindOfInvalidRecordIsPlanted() {
        Set<ReasonCode> reasons = twins.planted().stream().map(TwinExports.Planted::reason)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ReasonCode.class)));
        assertThat(reasons).contains(ReasonCode.OUT_OF_RANGE, ReasonCode.END_BEFORE_START, ReasonCode.UNPARSABLE,
                ReasonCode.INTAKE_AFTER_INDUCTION, ReasonCode.IMPLAUSIBLE_DURATION, ReasonCode.MISSING_FIELD);
        assertThat(count(twins.planted(), p -> p.type() + " " + p.reason() + " " + p.field()).keySet()).contains(
                "PIJN OUT_OF_RANGE value", "PIJN UNPARSABLE measured_at", "PIJN UNPARSABLE value",
                "PIJN MISSING_FIELD measured_at", "VBI END_BEFORE_START end", "VBI OUT_OF_RANGE score",
                "VBI UNPARSABLE start", "VBI MISSING_FIELD intervention_type", "ADMISSION END_BEFORE_START discharged_at",
                "ADMISSION MISSING_FIELD admitted_at", "NUCHTER INTAKE_AFTER_INDUCTION last_clear_fluid_at",
                "NUCHTER INTAKE_AFTER_INDUCTION last_solid_at", "NUCHTER IMPLAUSIBLE_DURATION last_solid_at",
                "NUCHTER OUT_OF_RANGE birth_date", "NUCHTER MISSING_FIELD age_years", "NUCHTER UNPARSABLE induction_at",
                "NUCHTER UNPARSABLE last_clear_fluid_at");
    }

    /** Equal drafts prove little if they are empty: the twins must exercise every indicator. */
    @Test
    void theTwinsExerciseEveryIndicator() {
        for (int year : List.of(2025, 2026)) {
            JsonNode pain = csv.indicators(PainTheme.THEME, year);
            assertThat(pain.get("measurements").asLong()).isGreaterThan(1000);
            assertThat(pain.get("patients").asLong()).isLessThan(pain.get("patientDays").asLong());
            assertThat(pain.at("/vulnerable/measurements").asLong()).isPositive();
            assertShare(pain, "painShare", "severePainShare", "followUpWithin60Share", "patientDays3PlusShare",
                    "vulnerable/followUpWithin60Share");

            JsonNode vbi = csv.indicators(VbiTheme.THEME, year);
            assertThat(vbi.get("heavy").asLong()).isPositive();
            assertThat(vbi.get("admissions").asLong()).isPositive();
            assertThat(vbi.at("/heavyDurationMinutes/p90").isNumber()).isTrue();
            assertThat(vbi.get("heavyPer1000Admissions").isNumber()).isTrue();
            assertShare(vbi, "heavyShare");
            assertThat(vbi.get("heavyWithAlternativesShare").isNull()).isTrue();

            JsonNode fasting = csv.indicators(FastingTheme.THEME, year);
            assertThat(fasting.get("procedures").asLong()).isGreaterThan(500);
            assertThat(fasting.get("clearFluidMissing").asLong()).isPositive();
            assertThat(fasting.at("/solidFastingMinutes/median").isNumber()).isTrue();
            assertShare(fasting, "clearFluidOver1hShare", "clearFluidOver2hShare", "solidOver8hShare");
        }
        for (Theme theme : List.of(VbiTheme.THEME, FastingTheme.THEME, PainTheme.THEME)) {
            JsonNode quality = csv.draft(theme, 2025).get("dataQuality");
            assertThat(quality.get("recordsRejected").asLong()).as(theme + " rejected").isPositive();
            assertThat(quality.get("recordsRead").asLong()).as(theme + " read")
                    .isEqualTo(theme.feedingTypes().stream().mapToLong(twins::records).sum());
        }
    }

    /** Strictly between 0 and 1: neither side can pass by both giving nothing or everything. */
    private static void assertShare(JsonNode indicators, String... shares) {
        for (String share : shares) {
            JsonNode value = indicators.at("/" + share);
            assertThat(value.isNumber()).as(share).isTrue();
            assertThat(value.decimalValue()).as(share).isStrictlyBetween(BigDecimal.ZERO, BigDecimal.ONE);
        }
    }

    private static String why(Rejection r) {
        return r.recordType() + " " + r.reason() + " " + r.field();
    }

    private static <T> Map<String, Long> count(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    private static Map<Integer, ObjectNode> byYear(List<Draft> drafts) {
        return drafts.stream().collect(Collectors.toMap(Draft::year, Draft::value, (a, b) -> a, TreeMap::new));
    }
}
