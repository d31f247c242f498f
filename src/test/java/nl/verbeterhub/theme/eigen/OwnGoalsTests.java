package nl.verbeterhub.theme.eigen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import nl.verbeterhub.support.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The own-goal definition file (themes.md §4.1): what it holds, and each rule failing with file and field. */
class OwnGoalsTests {

    private static final String GOAL = "goal: {id: g1, title: \"Doel\"}\n";

    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws IOException {
        Path goals = Files.createDirectories(dir.resolve("goals"));
        return Files.writeString(goals.resolve(name), yaml);
    }

    @Test
    void readsTheDefinitionOfEachHospital() throws IOException {
        write(Fixture.AGB + ".yaml", EigenIndicatorsTests.DEFINITION);
        write("06010101.yaml", GOAL + "indicators:\n  - {id: a, title: \"A\", scoring: Count}\n");
        OwnGoals goals = OwnGoals.load(dir.resolve("goals"));

        OwnGoal own = goals.definition(Fixture.AGB);
        assertThat(own.id()).isEqualTo("ontslagmedicatie");
        assertThat(own.title()).isEqualTo("Medicatieoverdracht bij ontslag");
        assertThat(own.indicators()).extracting(OwnGoalIndicator::id).containsExactly("mo-24u", "valincidenten");
        OwnGoalIndicator proportion = own.indicator("MO-24U");
        assertThat(proportion.scoring()).isEqualTo(OwnGoalIndicator.Scoring.PROPORTION);
        assertThat(proportion.direction()).isEqualTo(OwnGoalIndicator.Direction.HIGHER);
        assertThat(proportion.target()).isEqualByComparingTo("0.9");
        assertThat(proportion.target().toPlainString()).isEqualTo("0.90"); // written as given
        assertThat(own.indicator("valincidenten").direction()).isEqualTo(OwnGoalIndicator.Direction.LOWER);
        assertThat(own.milestones()).extracting(OwnGoal.Milestone::id).containsExactly("m1", "m2", "m3");
        assertThat(own.milestoneId("M3")).isEqualTo("m3");
        assertThat(own.milestoneId("m4")).isNull();

        OwnGoalIndicator other = goals.definition("06010101").indicator("A");
        assertThat(other.scoring()).isEqualTo(OwnGoalIndicator.Scoring.COUNT);
        assertThat(other.direction()).isEqualTo(OwnGoalIndicator.Direction.HIGHER);
        assertThat(other.target()).isNull();
        assertThat(goals.definition("06010101").milestones()).isEmpty();
        assertThat(goals.definition("06012345")).isSameAs(OwnGoal.EMPTY);
        assertThat(OwnGoal.EMPTY.defined()).isFalse();
    }

    @Test
    void aMissingFolderHoldsNoDefinitions() {
        OwnGoals goals = OwnGoals.load(dir.resolve("nowhere"));
        assertThat(goals.definition(Fixture.AGB)).isSameAs(OwnGoal.EMPTY);
    }

    @Test
    void onlyFilesNamedAfterAnAgbAreDefinitions() throws IOException {
        write("README.md", "not yaml: [");
        write("0601999.yaml", "not yaml: [");
        write(Fixture.AGB + ".yml", "not yaml: [");
        write(Fixture.AGB + ".yaml", GOAL);
        OwnGoals goals = OwnGoals.load(dir.resolve("goals"));
        assertThat(goals.definition(Fixture.AGB).id()).isEqualTo("g1");
        assertThat(goals.definition(Fixture.AGB).indicators()).isEmpty();
    }

    @Test
    void aFileWhereTheFolderShouldBeFails() throws IOException {
        Path file = Files.writeString(dir.resolve("goals"), "");
        assertThatThrownBy(() -> OwnGoals.load(file)).isInstanceOf(OwnGoalDefinitionException.class)
                .hasMessage(file + ": is not a folder");
    }

    @Test
    void theLimitsThemselvesAreAllowed() throws IOException {
        String indicators = IntStream.range(0, 10)
                .mapToObj(i -> "  - {id: i" + i + ", title: \"I\", scoring: proportion, target: " + (i % 2) + "}\n")
                .collect(Collectors.joining());
        String milestones = IntStream.range(0, 30).mapToObj(i -> "  - {id: m" + i + ", title: \"M\"}\n")
                .collect(Collectors.joining());
        write(Fixture.AGB + ".yaml", "goal: {id: " + "g".repeat(40) + ", title: \"" + "t".repeat(200) + "\"}\n"
                + "indicators:\n" + indicators + "milestones:\n" + milestones
                + "# an indicator and a milestone may share an id: uniqueness is per list\n");
        write("06010101.yaml", GOAL + "indicators:\n  - {id: m0, title: \"I\", scoring: count, target: 0}\nmilestones:\n"
                + "  - {id: m0, title: \"M\"}\n");
        OwnGoals goals = OwnGoals.load(dir.resolve("goals"));
        assertThat(goals.definition(Fixture.AGB).indicators()).hasSize(10);
        assertThat(goals.definition(Fixture.AGB).milestones()).hasSize(30);
        assertThat(goals.definition("06010101").indicator("M0").target()).isEqualByComparingTo("0");
    }

    static Stream<Arguments> invalid() {
        String indicator = "  - {id: a, title: \"A\", scoring: proportion}\n";
        return Stream.of(
                Arguments.of("", "goal is required"),
                Arguments.of("- goal\n", "the definition must be a map of goal, indicators, milestones"),
                Arguments.of(GOAL + "indicator: []\n", "indicator is not a known field (known: goal, indicators, milestones)"),
                Arguments.of("indicators: []\n", "goal is required"),
                Arguments.of("goal: ontslag\n", "goal must be a map of id, title"),
                Arguments.of("goal: {id: g1, title: \"Doel\", owner: x}\n", "goal.owner is not a known field (known: id, title)"),
                Arguments.of("goal: {title: \"Doel\"}\n", "goal.id is required"),
                Arguments.of("goal: {id: \"ontslag medicatie\", title: \"Doel\"}\n",
                        "goal.id must be 1 to 40 letters, digits, '_' or '-'"),
                Arguments.of("goal: {id: " + "g".repeat(41) + ", title: \"Doel\"}\n",
                        "goal.id must be 1 to 40 letters, digits, '_' or '-'"),
                Arguments.of("goal: {id: \"\", title: \"Doel\"}\n", "goal.id must be 1 to 40 letters, digits, '_' or '-'"),
                Arguments.of("goal: {id: 2024, title: \"Doel\"}\n", "goal.id must be text (quote it)"),
                Arguments.of("goal: {id: g1}\n", "goal.title is required"),
                Arguments.of("goal: {id: g1, title: \"\"}\n", "goal.title must be 1 to 200 characters, not blank"),
                Arguments.of("goal: {id: g1, title: \"  \"}\n", "goal.title must be 1 to 200 characters, not blank"),
                Arguments.of("goal: {id: g1, title: \"" + "t".repeat(201) + "\"}\n",
                        "goal.title must be 1 to 200 characters, not blank"),
                Arguments.of(GOAL + "indicators: {id: a}\n", "indicators must be a list"),
                Arguments.of(GOAL + "indicators:\n" + indicator.replace("id: a", "id: a0")
                        + IntStream.range(1, 11).mapToObj(i -> indicator.replace("id: a", "id: a" + i)).collect(Collectors.joining()),
                        "indicators has 11 entries, at most 10 are allowed"),
                Arguments.of(GOAL + "indicators:\n  - a\n", "indicators[0] must be a map of id, title, scoring, direction, target"),
                Arguments.of(GOAL + "indicators:\n  - {id: a, title: \"A\", scoring: count, unit: \"%\"}\n",
                        "indicators[0].unit is not a known field (known: id, title, scoring, direction, target)"),
                Arguments.of(GOAL + "indicators:\n" + indicator + "  - {id: A, title: \"B\", scoring: count}\n",
                        "indicators[1].id 'A' repeats indicators[0].id (ids are case-insensitive)"),
                Arguments.of(GOAL + "indicators:\n  - {id: a, scoring: count}\n", "indicators[0].title is required"),
                Arguments.of(GOAL + "indicators:\n  - {id: a, title: \"A\"}\n",
                        "indicators[0].scoring is required (proportion or count)"),
                Arguments.of(GOAL + "indicators:\n  - {id: a, title: \"A\", scoring: percentage}\n",
                        "indicators[0].scoring must be proportion or count"),
                Arguments.of(GOAL + "indicators:\n  - {id: a, title: \"A\", scoring: count, direction: up}\n",
                        "indicators[0].direction must be higher or lower"),
                Arguments.of(GOAL + "indicators:\n" + indicator + "  - {id: b, title: \"B\", scoring: proportion, target: 1.5}\n",
                        "indicators[1].target must be between 0 and 1 for a proportion"),
                Arguments.of(GOAL + "indicators:\n  - {id: a, title: \"A\", scoring: proportion, target: -0.1}\n",
                        "indicators[0].target must be between 0 and 1 for a proportion"),
                Arguments.of(GOAL + "indicators:\n  - {id: a, title: \"A\", scoring: count, target: -1}\n",
                        "indicators[0].target must be 0 or more for a count"),
                Arguments.of(GOAL + "indicators:\n  - {id: a, title: \"A\", scoring: proportion, target: \"90%\"}\n",
                        "indicators[0].target must be a number"),
                Arguments.of(GOAL + "milestones: m1\n", "milestones must be a list"),
                Arguments.of(GOAL + "milestones:\n" + IntStream.range(0, 31).mapToObj(i -> "  - {id: m" + i + ", title: \"M\"}\n")
                        .collect(Collectors.joining()), "milestones has 31 entries, at most 30 are allowed"),
                Arguments.of(GOAL + "milestones:\n  - {id: m1, title: \"M\", status: done}\n",
                        "milestones[0].status is not a known field (known: id, title)"),
                Arguments.of(GOAL + "milestones:\n  - {id: m1, title: \"M\"}\n  - {id: m2, title: \"M\"}\n  - {id: M1, title: \"M\"}\n",
                        "milestones[2].id 'M1' repeats milestones[0].id (ids are case-insensitive)"),
                Arguments.of(GOAL + "milestones:\n  - {id: \"m 1\", title: \"M\"}\n",
                        "milestones[0].id must be 1 to 40 letters, digits, '_' or '-'"),
                Arguments.of(GOAL + "milestones:\n  - {id: m1}\n", "milestones[0].title is required"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void eachRuleNamesFileAndField(String yaml, String problem) throws IOException {
        write(Fixture.AGB + ".yaml", yaml);
        assertThatThrownBy(() -> OwnGoals.load(dir.resolve("goals"))).isInstanceOf(OwnGoalDefinitionException.class)
                .hasMessage(dir.resolve("goals").resolve(Fixture.AGB + ".yaml") + ": " + problem);
    }

    @Test
    void yamlThatDoesNotParseNamesFileAndLine() throws IOException {
        write(Fixture.AGB + ".yaml", GOAL + "indicators: [\n");
        assertThatThrownBy(() -> OwnGoals.load(dir.resolve("goals"))).isInstanceOf(OwnGoalDefinitionException.class)
                .hasMessageStartingWith(dir.resolve("goals").resolve(Fixture.AGB + ".yaml") + ": not valid YAML (line ");
        write(Fixture.AGB + ".yaml", GOAL + "goal: {id: g2, title: \"Ander\"}\n");
        assertThatThrownBy(() -> OwnGoals.load(dir.resolve("goals"))).isInstanceOf(OwnGoalDefinitionException.class)
                .hasMessageContaining(": not valid YAML (line 2)").hasMessageContaining("goal");
    }
}
