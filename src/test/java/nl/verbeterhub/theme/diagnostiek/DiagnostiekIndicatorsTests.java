package nl.verbeterhub.theme.diagnostiek;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Comparator;
import nl.verbeterhub.support.Fixture;
import nl.verbeterhub.support.Schemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** themes.md §3.4 and its worked example (§3.6), computed by the real ingest and draft code. */
class DiagnostiekIndicatorsTests {

    /** themes.md §3.6 {@code uitslagen.csv}, as written there. */
    static final String UITSLAGEN = """
            result_id;patient_id;result_at;discipline;priority;critical;acknowledged_at;critical_notified_at
            R1;P1;2-3-2026 10:00;lab;regulier;nee;9-3-2026 10:00:59;
            R2;P1;2-3-2026 11:00;lab;spoed;ja;2-3-2026 12:30;2-3-2026 11:45
            R3;P2;5-3-2026 14:00;radiologie;;ja;5-3-2026 15:01;
            R4;P3;6-3-2026 9:00;pathologie;;;14-4-2026 9:00;
            R5;P4;10-3-2026 8:00;;;;;
            R6;P2;20-4-2026 10:00;lab;;nee;;
            """;

    static final String HEADER = "result_id;patient_id;result_at;discipline;priority;critical;acknowledged_at;"
            + "critical_notified_at\n";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Numbers compare by value (themes.md §0.3): 0.6 equals 0.60. */
    private static final Comparator<JsonNode> BY_VALUE = (a, b) ->
            a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

    @TempDir
    Path dir;

    static void assertIndicators(ObjectNode actual, String expected) throws Exception {
        assertThat(actual.equals(BY_VALUE, JSON.readTree(expected))).as(actual.toString()).isTrue();
    }

    @Test
    void theWorkedExampleGivesExactlyItsValues() throws Exception {
        try (Fixture f = new Fixture(dir, 1)) {
            f.deliver("diagnostiek-csv", UITSLAGEN);
            assertThat(f.rejections()).isEmpty();
            assertIndicators(f.indicators(DiagnostiekTheme.THEME, 2026), """
                    {"results": 6, "patients": 4,
                     "byDiscipline": {"lab": 3, "radiology": 1, "pathology": 1, "other": 0, "unknown": 1},
                     "acknowledgedOnTimeShare": 0.6,
                     "ackMinutes": {"median": 90, "p90": 56100},
                     "lostResults": 2, "lostResultShare": 0.4,
                     "criticalResults": 2, "criticalNotifiedOnTimeShare": 0.5,
                     "observedUntil": "2026-04-20T10:00:00+02:00"}""");
            ObjectNode draft = f.draft(DiagnostiekTheme.THEME, 2026);
            assertThat(draft.at("/period/dataUntil").asText()).isEqualTo("2026-04-20T10:00:00+02:00");
            assertThat(draft.at("/pdca/check").asText()).isEqualTo("In 2026 zijn 6 uitslagen geregistreerd; op tijd "
                    + "gezien: 60,0%; kritieke uitslagen binnen 60 minuten gemeld: 50,0%.");
            assertThat(draft.at("/theme/title").asText()).isEqualTo("Diagnostische processen");
            assertThat(Schemas.check(Schemas.DRAFT, draft)).isEmpty();
            assertThat(f.drafts(DiagnostiekTheme.THEME)).hasSize(1);
        }
    }

    /** Windows are minutes between instants: 23 h 30 across the spring night is within a day, 59 minutes within the hour. */
    @Test
    void springChangeNightCountsRealMinutes() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            f.deliver("diagnostiek-csv", HEADER
                    + "S1;P1;28-3-2026 3:00;lab;cito;;29-3-2026 3:30;\n"     // wall clock 24 h 30, really 1410 minutes
                    + "S2;P2;29-3-2026 1:30;lab;;ja;;29-3-2026 3:29\n");     // wall clock 119, really 59 minutes
            ObjectNode i = f.indicators(DiagnostiekTheme.THEME, 2026);
            assertThat(i.get("acknowledgedOnTimeShare").decimalValue()).isEqualByComparingTo("1");
            assertThat(i.get("ackMinutes").toString()).isEqualTo("{\"median\":1410,\"p90\":1410}");
            assertThat(i.get("criticalNotifiedOnTimeShare").decimalValue()).isEqualByComparingTo("1");
            assertThat(i.get("observedUntil").asText()).isEqualTo("2026-03-29T01:30:00+01:00");
        }
    }

    /** 23 h 30 on the wall clock across the autumn night is 1470 minutes; an overlap time takes the summer offset. */
    @Test
    void autumnChangeNightCountsRealMinutes() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            f.deliver("diagnostiek-csv", HEADER
                    + "A1;P1;24-10-2026 3:30;lab;spoed;;25-10-2026 3:00;\n"                  // 1470 > 1440: late
                    + "A2;P2;25-10-2026 1:30;lab;;ja;;2026-10-25T02:15:00+01:00\n"          // 105 minutes: late
                    + "A3;P3;25-10-2026 1:31;lab;;ja;;25-10-2026 2:15\n");                  // 02:15 CEST, 44: on time
            ObjectNode i = f.indicators(DiagnostiekTheme.THEME, 2026);
            assertThat(i.get("acknowledgedOnTimeShare").decimalValue()).isEqualByComparingTo("0");
            assertThat(i.get("ackMinutes").toString()).isEqualTo("{\"median\":1470,\"p90\":1470}");
            assertThat(i.get("criticalNotifiedOnTimeShare").decimalValue()).isEqualByComparingTo("0.5");
            assertThat(i.get("observedUntil").asText()).isEqualTo("2026-10-25T01:31:00+02:00");
        }
    }

    /** An unseen result is pending until the hospital's data pass its window, then late; or seen, then on time. */
    @Test
    void aPendingResultBecomesLateOnceObservedUntilPassesItsWindow() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            f.deliver("diagnostiek-csv", HEADER
                    + "W0;P0;1-6-2026 9:00;lab;;;1-6-2026 9:30;\n"
                    + "W1;P1;1-6-2026 10:00;lab;;;;\n"
                    + "W2;P2;8-6-2026 10:00:59;lab;;;;\n");                 // 10080 minutes after W1: not yet late
            ObjectNode i = f.indicators(DiagnostiekTheme.THEME, 2026);
            assertThat(i.get("acknowledgedOnTimeShare").decimalValue()).isEqualByComparingTo("1");
            assertThat(i.get("lostResults").asLong()).isZero();
            assertThat(i.get("lostResultShare").decimalValue()).isEqualByComparingTo("0");

            f.deliver("diagnostiek-csv", HEADER + "W3;P3;8-6-2026 10:01;lab;;;;\n"); // 10081 minutes: W1 late
            i = f.indicators(DiagnostiekTheme.THEME, 2026);
            assertThat(i.get("acknowledgedOnTimeShare").decimalValue()).isEqualByComparingTo("0.5");
            assertThat(i.get("lostResults").asLong()).isZero();
            assertThat(i.get("observedUntil").asText()).isEqualTo("2026-06-08T10:01:00+02:00");
            assertThat(f.draft(DiagnostiekTheme.THEME, 2026).at("/period/dataUntil").asText())
                    .isEqualTo("2026-06-08T10:01:00+02:00");

            f.deliver("diagnostiek-csv", HEADER + "W9;P9;1-7-2026 10:01;lab;;;;\n"); // 43201 minutes: W1 lost
            i = f.indicators(DiagnostiekTheme.THEME, 2026);
            assertThat(i.get("acknowledgedOnTimeShare").decimalValue()).isEqualByComparingTo("0.25"); // W2, W3 late too
            assertThat(i.get("lostResults").asLong()).isEqualTo(1);
            assertThat(i.get("lostResultShare").decimalValue()).isEqualByComparingTo("0.5");     // W2, W3 not lost yet
        }
    }

    @Test
    void aPendingCriticalResultIsLateOnceTheDataMoveOnAndOnTimeOnceSeen() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            f.deliver("diagnostiek-csv", HEADER
                    + "C1;P1;1-6-2026 10:00;lab;;ja;;\n"                    // critical, nothing yet: pending at 30 minutes
                    + "C2;P2;1-6-2026 10:30;lab;;;1-6-2026 11:00;\n"
                    + "C3;P3;1-6-2026 10:10;lab;;ja;;1-6-2026 10:20\n");
            ObjectNode i = f.indicators(DiagnostiekTheme.THEME, 2026);
            assertThat(i.get("criticalResults").asLong()).isEqualTo(2);
            assertThat(i.get("criticalNotifiedOnTimeShare").decimalValue()).isEqualByComparingTo("1");

            f.deliver("diagnostiek-csv", HEADER + "C4;P4;2-6-2026 10:00;lab;;;;\n");
            i = f.indicators(DiagnostiekTheme.THEME, 2026);
            assertThat(i.get("criticalNotifiedOnTimeShare").decimalValue()).isEqualByComparingTo("0.5");

            // A corrected C1: seen 59 minutes after it became available.
            f.deliver("diagnostiek-csv", HEADER + "C1;P1;1-6-2026 10:00;lab;;ja;1-6-2026 10:59;\n");
            i = f.indicators(DiagnostiekTheme.THEME, 2026);
            assertThat(i.get("results").asLong()).isEqualTo(4);
            assertThat(i.get("criticalNotifiedOnTimeShare").decimalValue()).isEqualByComparingTo("1");
            assertThat(i.get("ackMinutes").toString()).isEqualTo("{\"median\":30,\"p90\":59}");
            assertThat(f.draft(DiagnostiekTheme.THEME, 2026).at("/pdca/check").asText()).isEqualTo("In 2026 zijn 4 "
                    + "uitslagen geregistreerd; op tijd gezien: 100,0%; kritieke uitslagen binnen 60 minuten gemeld: 100,0%.");
        }
    }

    /** Seen or phoned before result_at (a preliminary result) is on time, at 0 clamped minutes. */
    @Test
    void eventsBeforeTheResultAreOnTimeAtZeroMinutes() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            f.deliver("diagnostiek-csv", HEADER
                    + "E1;P1;1-6-2026 10:00;lab;;ja;1-6-2026 9:59:30;\n"
                    + "E2;P2;1-6-2026 10:00;lab;;ja;1-6-2026 12:00;1-6-2026 8:00\n");
            ObjectNode i = f.indicators(DiagnostiekTheme.THEME, 2026);
            assertThat(i.get("ackMinutes").toString()).isEqualTo("{\"median\":0,\"p90\":120}");
            assertThat(i.get("acknowledgedOnTimeShare").decimalValue()).isEqualByComparingTo("1");
            assertThat(i.get("criticalNotifiedOnTimeShare").decimalValue()).isEqualByComparingTo("1");
        }
    }
}
