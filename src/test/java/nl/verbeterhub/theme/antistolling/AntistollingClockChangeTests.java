package nl.verbeterhub.theme.antistolling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import nl.verbeterhub.support.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every ANTISTOLLING duration across the clock changes of 2026 (29 March 02:00 → 03:00, 25 October
 * 03:00 → 02:00, Europe/Amsterdam): minutes between instants, never wall-clock fields. An ambiguous autumn
 * time takes the earlier (summer) offset.
 */
class AntistollingClockChangeTests {

    private static final DateTimeFormatter CSV = DateTimeFormatter.ofPattern("d-M-yyyy H:mm");

    @TempDir
    Path dir;

    @Test
    void planMinutesAcrossTheSpringChange() throws Exception {
        assertThat(planOnTimeShare("a", "28-3-2026 3:00", "29-3-2026 3:30")).isEqualTo("0");  // 1410, wall clock 1470
        assertThat(planOnTimeShare("b", "28-3-2026 2:30", "29-3-2026 3:30")).isEqualTo("1");  // exactly 1440, wall clock 1500
    }

    @Test
    void planMinutesAcrossTheAutumnChange() throws Exception {
        assertThat(planOnTimeShare("c", "24-10-2026 4:00", "25-10-2026 3:30")).isEqualTo("1"); // 1470, wall clock 1410
        // 02:30 on the 25th is the first (summer) one: 1439 minutes, not 1499.
        assertThat(planOnTimeShare("d", "24-10-2026 2:31", "25-10-2026 2:30")).isEqualTo("0");
    }

    private String planOnTimeShare(String sub, String planRecordedAt, String procedureAt) throws Exception {
        try (Fixture f = new Fixture(dir.resolve(sub), 1)) {
            f.deliver("antistolling-csv", "procedure_id;patient_id;procedure_at;anticoagulant;plan_recorded_at\n"
                    + "A;Q1;" + procedureAt + ";DOAC;" + planRecordedAt + "\n");
            return f.indicators(AntistollingTheme.THEME, 2026).get("planOnTimeShare").decimalValue().toPlainString();
        }
    }

    @Test
    void shiftLengthAcrossBothChanges() throws Exception {
        try (Fixture f = new Fixture(dir, 1)) {
            f.deliver("stollingsdienst-csv", """
                    shift_id;start;end
                    SPRING;15-3-2026 2:30;29-3-2026 3:30
                    AUTUMN;11-10-2026 3:30;25-10-2026 3:00
                    OVERLAP;25-10-2026 2:50;25-10-2026 2:10
                    """);
            // SPRING: 20160 minutes (wall clock 20220) is accepted; AUTUMN: 20190 (wall clock 20130) is too long;
            // OVERLAP: both ambiguous times are summer time, so the end is before the start.
            assertThat(f.rejections()).extracting(r -> r.position().index() + " " + r.reason() + " " + r.field())
                    .containsExactly("3 IMPLAUSIBLE_DURATION end", "4 END_BEFORE_START end");
            assertThat(f.indicators(AntistollingTheme.THEME, 2026).at("/expertise/rosterUntil").asText())
                    .isEqualTo("2026-03-29T03:30:00+02:00");
        }
    }

    @Test
    void coverageAcrossTheSpringChange() throws Exception {
        try (Fixture f = new Fixture(dir, 1)) {
            // Covered from New Year to 01:30, then from 03:30 summer time: one real hour uncovered.
            f.deliver("stollingsdienst-csv", roster(LocalDateTime.of(2026, 1, 1, 0, 0), LocalDateTime.of(2026, 3, 29, 1, 30))
                    + "LAST;29-3-2026 3:30;29-3-2026 12:00\n");
            JsonNode e = f.indicators(AntistollingTheme.THEME, 2026).get("expertise");
            assertThat(e.get("rosterUntil").asText()).isEqualTo("2026-03-29T12:00:00+02:00");
            // P_Y is 125940 minutes (87 days and 11 real hours).
            assertThat(e.get("uncoveredMinutes").asLong()).isEqualTo(60);
            assertThat(e.get("longestGapMinutes").asLong()).isEqualTo(60);
            assertThat(e.get("coverageShare").decimalValue()).isEqualByComparingTo("0.9995");
        }
    }

    @Test
    void coverageAcrossTheAutumnChange() throws Exception {
        try (Fixture f = new Fixture(dir, 1)) {
            // Covered to 01:30 summer time, then from 03:30 winter time: three real hours uncovered.
            f.deliver("stollingsdienst-csv", roster(LocalDateTime.of(2026, 1, 1, 0, 0), LocalDateTime.of(2026, 10, 25, 1, 30))
                    + "LAST;25-10-2026 3:30;25-10-2026 12:00\n");
            JsonNode e = f.indicators(AntistollingTheme.THEME, 2026).get("expertise");
            assertThat(e.get("rosterUntil").asText()).isEqualTo("2026-10-25T12:00:00+01:00");
            // P_Y is 428400 minutes: 297 days less the spring hour, plus 13 real hours.
            assertThat(e.get("uncoveredMinutes").asLong()).isEqualTo(180);
            assertThat(e.get("longestGapMinutes").asLong()).isEqualTo(180);
            assertThat(e.get("coverageShare").decimalValue()).isEqualByComparingTo("0.9996");
        }
    }

    /** Back-to-back weekly shifts covering [from, until) local time, well within max-shift-minutes. */
    static String roster(LocalDateTime from, LocalDateTime until) {
        StringBuilder csv = new StringBuilder("shift_id;start;end\n");
        int n = 0;
        for (LocalDateTime start = from; start.isBefore(until); start = start.plusWeeks(1)) {
            LocalDateTime end = start.plusWeeks(1).isBefore(until) ? start.plusWeeks(1) : until;
            csv.append("W").append(++n).append(';').append(CSV.format(start)).append(';').append(CSV.format(end)).append('\n');
        }
        return csv.toString();
    }
}
