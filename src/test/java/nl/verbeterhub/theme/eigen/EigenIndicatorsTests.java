package nl.verbeterhub.theme.eigen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.verbeterhub.support.Fixture;
import nl.verbeterhub.support.Schemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EIGEN through the real ingest and draft code (themes.md §4), the worked example of §4.6 first. */
class EigenIndicatorsTests {

    static final String DEFINITION = """
            goal: {id: ontslagmedicatie, title: "Medicatieoverdracht bij ontslag"}
            indicators:
              - {id: mo-24u, title: "Medicatieoverzicht binnen 24 uur verstuurd", scoring: proportion, direction: higher, target: 0.90}
              - {id: valincidenten, title: "Valincidenten bij 70-plussers", scoring: count, direction: lower, target: 5}
            milestones:
              - {id: m1, title: "Werkinstructie vastgesteld"}
              - {id: m2, title: "Scholing afdelingssecretaresses"}
              - {id: m3, title: "Steekproef 50 ontslagen beoordeeld"}
            """;

    static final String MONTHS = """
            indicator_id;month;numerator;denominator
            mo-24u;2026-01;80;100
            MO-24U;2026-02;45;50
            valincidenten;2026-01;3;
            mo-24u;2026-01;85;100
            """;

    static final String MILESTONES = """
            milestone_id;status;reported_on
            m1;gereed;15-1-2026
            m2;bezig;2026-02-10
            """;

    static final String EXPECTED = """
            {
              "goal": {"id": "ontslagmedicatie", "title": "Medicatieoverdracht bij ontslag"},
              "measures": [
                {"id": "mo-24u", "title": "Medicatieoverzicht binnen 24 uur verstuurd", "scoring": "proportion",
                 "direction": "higher", "target": 0.90, "monthsReported": 2, "numerator": 130, "denominator": 150,
                 "value": 0.8667, "targetMet": false,
                 "byMonth": [0.85, 0.9, null, null, null, null, null, null, null, null, null, null]},
                {"id": "valincidenten", "title": "Valincidenten bij 70-plussers", "scoring": "count",
                 "direction": "lower", "target": 5, "monthsReported": 1, "numerator": 3, "denominator": null,
                 "value": 3, "targetMet": true,
                 "byMonth": [3, null, null, null, null, null, null, null, null, null, null, null]}
              ],
              "milestones": {"total": 3, "planned": 0, "inProgress": 1, "done": 1, "dropped": 0, "unreported": 1}
            }
            """;

    /** Numbers compare by value (themes.md §0.3): 0.90 equals 0.9. */
    static final Comparator<JsonNode> BY_VALUE = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

    @TempDir
    Path dir;

    static OwnGoals goals(Path dir, String definition) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("goals"));
        Files.writeString(folder.resolve(Fixture.AGB + ".yaml"), definition);
        return OwnGoals.load(folder);
    }

    @Test
    void workedExample() throws Exception {
        try (Fixture f = new Fixture(dir, 1, goals(dir, DEFINITION))) {
            f.deliver("eigen-maanden", MONTHS);
            f.deliver("eigen-mijlpalen", MILESTONES);
            assertThat(f.rejections()).isEmpty();
            ObjectNode indicators = f.indicators(EigenTheme.THEME, 2026);
            JsonNode expected = new ObjectMapper().readTree(EXPECTED);
            assertThat(expected.equals(BY_VALUE, indicators)).as(indicators.toPrettyString()).isTrue();
            assertThat(names(indicators)).containsExactly("goal", "measures", "milestones");
            assertThat(names(indicators.at("/measures/0"))).containsExactly("id", "title", "scoring", "direction", "target",
                    "monthsReported", "numerator", "denominator", "value", "targetMet", "byMonth");
            ObjectNode draft = f.draft(EigenTheme.THEME, 2026);
            assertThat(draft.at("/period/dataUntil").asText()).isEqualTo("2026-02-10T00:00:00+01:00");
            assertThat(draft.at("/pdca/check").asText()).isEqualTo(
                    "In 2026 zijn voor 'Medicatieoverdracht bij ontslag' 2 van 2 indicatoren aangeleverd; mijlpalen gereed: 1 van 3.");
            assertThat(draft.at("/dataQuality/suppressed")).isEmpty();
            assertThat(f.drafts(EigenTheme.THEME)).hasSize(1);
            assertThat(Schemas.check(Schemas.DRAFT, draft)).isEmpty();
        }
    }

    @Test
    void aMonthDeliveredAgainReplacesTheEarlierOne() throws Exception {
        try (Fixture f = new Fixture(dir, 1, goals(dir, DEFINITION))) {
            f.deliver("eigen-maanden", "indicator_id;month;numerator;denominator\nmo-24u;2026-01;80;100\n");
            f.deliver("eigen-maanden", "indicator_id,month,numerator,denominator\nMO-24U,2026-01,90,100\n");
            ObjectNode i = f.indicators(EigenTheme.THEME, 2026);
            assertThat(i.at("/measures/0/monthsReported").asLong()).isEqualTo(1);
            assertThat(i.at("/measures/0/numerator").asLong()).isEqualTo(90);
            assertThat(i.at("/measures/0/denominator").asLong()).isEqualTo(100);
            assertThat(i.at("/measures/0/value").decimalValue()).isEqualByComparingTo("0.9");
            assertThat(i.at("/measures/0/targetMet").asBoolean()).isTrue();
            assertThat(i.at("/measures/1").get("numerator").isNull()).isTrue();
            assertThat(i.at("/measures/1").get("targetMet").isNull()).isTrue();
            assertThat(f.draft(EigenTheme.THEME, 2026).at("/pdca/check").asText()).isEqualTo(
                    "In 2026 zijn voor 'Medicatieoverdracht bij ontslag' 1 van 2 indicatoren aangeleverd; mijlpalen gereed: 0 van 3.");
        }
    }

    @Test
    void eachYearKeepsTheMilestoneStatusLastDeliveredForIt() throws Exception {
        try (Fixture f = new Fixture(dir, 1, goals(dir, DEFINITION))) {
            f.deliver("eigen-mijlpalen", "milestone_id;status;reported_on\nm1;planned;2025-06-01\nm1;gereed;2026-03-01\n");
            // Delivered later, dated earlier: still the status of 2026; 2025 keeps its own.
            f.deliver("eigen-mijlpalen", "milestone_id;status;reported_on\nM1;bezig;2026-02-01\n");
            assertThat(f.indicators(EigenTheme.THEME, 2025).get("milestones").toString()).isEqualTo(
                    "{\"total\":3,\"planned\":1,\"inProgress\":0,\"done\":0,\"dropped\":0,\"unreported\":2}");
            assertThat(f.indicators(EigenTheme.THEME, 2026).get("milestones").toString()).isEqualTo(
                    "{\"total\":3,\"planned\":0,\"inProgress\":1,\"done\":0,\"dropped\":0,\"unreported\":2}");
            assertThat(f.draft(EigenTheme.THEME, 2026).at("/period/dataUntil").asText()).isEqualTo("2026-02-01T00:00:00+01:00");
            assertThat(f.draft(EigenTheme.THEME, 2025).at("/period/dataUntil").asText()).isEqualTo("2025-06-01T00:00:00+02:00");
            assertThat(f.indicators(EigenTheme.THEME, 2025).at("/measures/0/monthsReported").asLong()).isZero();
        }
    }

    @Test
    void smallGroupsSuppressCountsAndSharesOverFewerThanK() throws Exception {
        try (Fixture f = new Fixture(dir, 5, goals(dir, DEFINITION))) {
            f.deliver("eigen-maanden", """
                    indicator_id;month;numerator;denominator
                    mo-24u;2026-01;3;4
                    mo-24u;2026-02;0;0
                    mo-24u;2026-03;9;10
                    valincidenten;2026-01;0;
                    valincidenten;2026-02;3;
                    """);
            ObjectNode draft = f.draft(EigenTheme.THEME, 2026);
            JsonNode proportion = draft.at("/indicators/measures/0");
            assertThat(proportion.get("numerator").asLong()).isEqualTo(12);
            assertThat(proportion.get("denominator").asLong()).isEqualTo(14);
            assertThat(proportion.get("value").decimalValue()).isEqualByComparingTo("0.8571");
            assertThat(proportion.get("targetMet").asBoolean()).isFalse();
            assertThat(proportion.get("byMonth").toString()).isEqualTo("[null,null,0.9,null,null,null,null,null,null,null,null,null]");
            JsonNode count = draft.at("/indicators/measures/1");
            assertThat(count.get("numerator").isNull()).isTrue();
            assertThat(count.get("value").isNull()).isTrue();
            assertThat(count.get("targetMet").isNull()).isTrue();
            assertThat(count.get("byMonth").toString()).isEqualTo("[0,null,null,null,null,null,null,null,null,null,null,null]");
            assertThat(draft.at("/dataQuality/suppressed")).extracting(JsonNode::asText).containsExactly(
                    "/indicators/measures/0/byMonth/0",
                    "/indicators/measures/1/numerator", "/indicators/measures/1/value",
                    "/indicators/measures/1/byMonth/1");
            assertThat(draft.at("/pdca/check").asText()).isEqualTo(
                    "In 2026 zijn voor 'Medicatieoverdracht bij ontslag' 2 van 2 indicatoren aangeleverd; mijlpalen gereed: 0 van 3.");
            assertThat(Schemas.check(Schemas.DRAFT, draft)).isEmpty();
        }
    }

    @Test
    void aProportionWithoutDenominatorsHasNoValueAndAGoalWithoutTargetsNoTargetMet() throws Exception {
        String definition = """
                goal: {id: g, title: "Doel"}
                indicators:
                  - {id: a, title: "Aandeel", scoring: proportion}
                  - {id: b, title: "Aantal", scoring: count, target: 0}
                """;
        try (Fixture f = new Fixture(dir, 1, goals(dir, definition))) {
            f.deliver("eigen-maanden", "indicator_id;month;numerator;denominator\na;2026-05;0;0\nb;2026-12;1;\n");
            ObjectNode i = f.indicators(EigenTheme.THEME, 2026);
            assertThat(i.at("/measures/0").toString()).isEqualTo("{\"id\":\"a\",\"title\":\"Aandeel\",\"scoring\":\"proportion\","
                    + "\"direction\":\"higher\",\"target\":null,\"monthsReported\":1,\"numerator\":0,\"denominator\":0,"
                    + "\"value\":null,\"targetMet\":null,\"byMonth\":[null,null,null,null,null,null,null,null,null,null,null,null]}");
            assertThat(i.at("/measures/1/targetMet").asBoolean()).isTrue(); // direction higher by default: 1 ≥ 0
            assertThat(i.at("/measures/1/byMonth/11").asLong()).isEqualTo(1);
            assertThat(i.get("milestones").toString()).isEqualTo(
                    "{\"total\":0,\"planned\":0,\"inProgress\":0,\"done\":0,\"dropped\":0,\"unreported\":0}");
            assertThat(f.draft(EigenTheme.THEME, 2026).at("/period/dataUntil").asText()).isEqualTo("2026-12-01T00:00:00+01:00");
        }
    }

    @Test
    void withoutADefinitionEveryIdIsUnknown() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            f.deliver("eigen-maanden", "indicator_id;month;numerator;denominator\nmo-24u;2026-01;80;100\n");
            f.deliver("eigen-mijlpalen", "milestone_id;status;reported_on\nm1;gereed;15-1-2026\n");
            assertThat(f.rejections()).extracting(r -> r.position().index() + " " + r.reason() + " " + r.field())
                    .containsExactly("2 UNPARSABLE indicator_id", "2 UNPARSABLE milestone_id");
            assertThat(f.drafts(EigenTheme.THEME)).isEmpty();
        }
    }

    @Test
    void theCurrentDefinitionDecidesWhatIsMeasured() throws Exception {
        try (Fixture f = new Fixture(dir, 1, goals(dir, DEFINITION))) {
            f.deliver("eigen-maanden", MONTHS);
            f.deliver("eigen-mijlpalen", MILESTONES);
        }
        // Restarted with valincidenten and m2 gone, and mo-24u spelt anew: records stay, measures follow the file.
        String changed = """
                goal: {id: ontslagmedicatie, title: "Medicatieoverdracht bij ontslag"}
                indicators:
                  - {id: MO-24u, title: "Medicatieoverzicht binnen 24 uur verstuurd", scoring: proportion, target: 0.9}
                milestones:
                  - {id: m1, title: "Werkinstructie vastgesteld"}
                """;
        try (Fixture f = new Fixture(dir, 1, goals(dir, changed))) {
            ObjectNode i = f.indicators(EigenTheme.THEME, 2026);
            assertThat(i.get("measures")).hasSize(1);
            assertThat(i.at("/measures/0/id").asText()).isEqualTo("MO-24u");
            assertThat(i.at("/measures/0/numerator").asLong()).isEqualTo(130);
            assertThat(i.get("milestones").toString()).isEqualTo(
                    "{\"total\":1,\"planned\":0,\"inProgress\":0,\"done\":1,\"dropped\":0,\"unreported\":0}");
            assertThat(f.draft(EigenTheme.THEME, 2026).at("/period/dataUntil").asText()).isEqualTo("2026-02-10T00:00:00+01:00");
            assertThat(f.draft(EigenTheme.THEME, 2026).at("/pdca/check").asText()).isEqualTo(
                    "In 2026 zijn voor 'Medicatieoverdracht bij ontslag' 1 van 1 indicatoren aangeleverd; mijlpalen gereed: 1 van 1.");
            // Delivered in the new spelling, January is a second record; the one in the current spelling counts.
            f.deliver("eigen-maanden", "indicator_id;month;numerator;denominator\nmo-24u;2026-01;70;100\n");
            assertThat(f.indicators(EigenTheme.THEME, 2026).at("/measures/0/numerator").asLong()).isEqualTo(115);
        }
        try (Fixture f = new Fixture(dir, 1, OwnGoals.none())) {
            ObjectNode i = f.indicators(EigenTheme.THEME, 2026);
            assertThat(i.toString()).isEqualTo("{\"goal\":null,\"measures\":[],\"milestones\":"
                    + "{\"total\":0,\"planned\":0,\"inProgress\":0,\"done\":0,\"dropped\":0,\"unreported\":0}}");
            assertThat(f.draft(EigenTheme.THEME, 2026).at("/pdca/check").asText()).isEqualTo(
                    "In 2026 zijn voor 'onbekend' 0 van 0 indicatoren aangeleverd; mijlpalen gereed: 0 van 0.");
            assertThat(Schemas.check(Schemas.DRAFT, f.draft(EigenTheme.THEME, 2026))).isEmpty();
        }
    }

    /** §4.2: whole numbers ≥ 0 with no upper bound; a count's denominator is checked and otherwise ignored. */
    @Test
    void numbersBeyondTheIntRangeAreKept() throws Exception {
        try (Fixture f = new Fixture(dir, 1, goals(dir, DEFINITION))) {
            f.deliver("eigen", "indicator_id;month;numerator;denominator\n"
                    + "mo-24u;2026-01;3000000000;4000000000\nvalincidenten;2026-01;3000000000;\nvalincidenten;2026-12;3;3000000000\n");
            assertThat(f.rejections()).isEmpty();
            ObjectNode i = f.indicators(EigenTheme.THEME, 2026);
            assertThat(i.at("/measures/0/value").decimalValue()).isEqualByComparingTo("0.75");
            assertThat(i.at("/measures/1/numerator").asLong()).isEqualTo(3_000_000_003L);
            assertThat(i.at("/measures/1/byMonth/11").asLong()).isEqualTo(3);
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
