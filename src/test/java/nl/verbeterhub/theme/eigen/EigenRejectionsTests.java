package nl.verbeterhub.theme.eigen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import nl.verbeterhub.support.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rejection orders of themes.md §4.3 for months and milestones, against the worked example's definition. */
class EigenRejectionsTests {

    @TempDir
    Path dir;

    @Test
    void monthRejectionsInTheOrderOfTheContract() throws Exception {
        try (Fixture f = new Fixture(dir, 1, EigenIndicatorsTests.goals(dir, EigenIndicatorsTests.DEFINITION))) {
            f.deliver("eigen-maanden", """
                    indicator_id;month;numerator;denominator
                    mo-24u;2026-01;1;2;extra
                    ;2026-01;1;2
                    mo-24u;;1;2
                    mo-24u;2026-01;;
                    MO-24U;2026-01;1;
                    onbekend;2026-x;x;
                    valincidenten;2025-1;x;
                    valincidenten;2025-13;1;
                    valincidenten;2026-03;4.5;-1
                    mo-24u;2026-03;4;4,5
                    valincidenten;2026-03;-1;x
                    valincidenten;2026-03;-1;
                    mo-24u;2026-03;51;50
                    mo-24u;2026-03;-1;-1
                    valincidenten;2026-03;2;-1
                    mo-24u;2026-03;1000000000000000000;1000000000000000000
                    valincidenten;2026-04;4,0;7
                    Mo-24u;2026-04;50;50.0
                    """);
            assertThat(f.rejections()).extracting(r -> r.position().index() + " " + r.reason() + " " + r.field())
                    .containsExactly(
                            "2 MALFORMED_ROW null",
                            "3 MISSING_FIELD indicator_id",
                            "4 MISSING_FIELD month",
                            "5 MISSING_FIELD numerator",
                            "6 MISSING_FIELD denominator",
                            "7 UNPARSABLE indicator_id",
                            "8 UNPARSABLE month",
                            "9 UNPARSABLE month",
                            "10 UNPARSABLE numerator",
                            "11 UNPARSABLE denominator",
                            "12 UNPARSABLE denominator",
                            "13 OUT_OF_RANGE numerator",
                            "14 OUT_OF_RANGE numerator",
                            "15 OUT_OF_RANGE numerator",
                            "16 OUT_OF_RANGE denominator",
                            "17 OUT_OF_RANGE numerator");
            // The two accepted rows: a count's denominator is checked but ignored.
            ObjectNode i = f.indicators(EigenTheme.THEME, 2026);
            assertThat(i.at("/measures/0/byMonth/3").decimalValue()).isEqualByComparingTo("1");
            assertThat(i.at("/measures/1/numerator").asLong()).isEqualTo(4);
            assertThat(i.at("/measures/1/denominator").isNull()).isTrue();
            assertThat(i.at("/measures/1/byMonth/3").asLong()).isEqualTo(4);
        }
    }

    @Test
    void milestoneRejectionsInTheOrderOfTheContract() throws Exception {
        try (Fixture f = new Fixture(dir, 1, EigenIndicatorsTests.goals(dir, EigenIndicatorsTests.DEFINITION))) {
            f.deliver("eigen-mijlpalen", """
                    milestone_id;status;reported_on
                    m1;gereed;15-1-2026;x
                    ;gereed;15-1-2026
                    m1;;15-1-2026
                    m1;gereed;
                    m9;klaar;x
                    M1;klaar;x
                    m1;DONE;2026-02-10 10:00
                    m1;gereed;31-02-2026
                    m1;gereed;2026-2-10
                    m1;gereed;15-1-26
                    M2;In_Progress;10-2-2026
                    m3;Vervallen;2026-02-11
                    """);
            assertThat(f.rejections()).extracting(r -> r.position().index() + " " + r.reason() + " " + r.field())
                    .containsExactly(
                            "2 MALFORMED_ROW null",
                            "3 MISSING_FIELD milestone_id",
                            "4 MISSING_FIELD status",
                            "5 MISSING_FIELD reported_on",
                            "6 UNPARSABLE milestone_id",
                            "7 UNPARSABLE status",
                            "8 UNPARSABLE reported_on",
                            "9 UNPARSABLE reported_on",
                            "10 UNPARSABLE reported_on",
                            "11 UNPARSABLE reported_on");
            assertThat(f.indicators(EigenTheme.THEME, 2026).get("milestones").toString()).isEqualTo(
                    "{\"total\":3,\"planned\":0,\"inProgress\":1,\"done\":0,\"dropped\":1,\"unreported\":1}");
            assertThat(f.draft(EigenTheme.THEME, 2026).at("/period/dataUntil").asText()).isEqualTo("2026-02-11T00:00:00+01:00");
        }
    }
}
