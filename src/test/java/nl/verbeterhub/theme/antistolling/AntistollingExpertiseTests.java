package nl.verbeterhub.theme.antistolling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import nl.verbeterhub.support.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The roster's coverage of P_Y (themes.md §2.4): a union of shifts, exact in seconds, for every draft year. */
class AntistollingExpertiseTests {

    @TempDir
    Path dir;

    @Test
    void unionOfOverlappingContainedTouchingAndEmptyShifts() throws Exception {
        try (Fixture f = new Fixture(dir, 1)) {
            f.deliver("stollingsdienst-csv", """
                    shift_id;start;end
                    A;1-1-2030 0:00;3-1-2030 0:00
                    B;2-1-2030 0:00;2-1-2030 12:00
                    C;2-1-2030 18:00;4-1-2030 0:00
                    D;4-1-2030 0:00;4-1-2030 6:00
                    E;4-1-2030 8:00;4-1-2030 8:00
                    F;4-1-2030 9:00;4-1-2030 9:00:30
                    G;5-1-2030 0:00;5-1-2030 0:00
                    """);
            // P = 4 days; covered 78 h and 30 s; gaps 3 h and 14 h 59 min 30 s (the empty E splits nothing,
            // the empty G extends rosterUntil past the union).
            JsonNode e = f.indicators(AntistollingTheme.THEME, 2030).get("expertise");
            assertThat(e.get("rosterUntil").asText()).isEqualTo("2030-01-05T00:00:00+01:00");
            assertThat(e.get("coverageShare").decimalValue()).isEqualByComparingTo("0.8126");
            assertThat(e.get("uncoveredMinutes").asLong()).isEqualTo(1079);
            assertThat(e.get("longestGapMinutes").asLong()).isEqualTo(899);
            assertThat(f.draft(AntistollingTheme.THEME, 2030).at("/period/dataUntil").asText())
                    .isEqualTo("2030-01-05T00:00:00+01:00");
        }
    }

    @Test
    void yearsBeforeAndAfterTheRoster() throws Exception {
        try (Fixture f = new Fixture(dir, 1)) {
            f.deliver("antistolling-csv", """
                    procedure_id;patient_id;procedure_at;anticoagulant
                    V1;Q1;1-7-2024 8:00;VKA
                    V2;Q1;1-7-2027 8:00;VKA
                    """);
            f.deliver("stollingsdienst-csv", """
                    shift_id;start;end
                    S;1-6-2025 8:00;1-6-2025 20:00
                    """);
            assertThat(f.drafts(AntistollingTheme.THEME)).extracting(d -> d.year()).containsExactly(2024, 2025, 2027);
            // 2024 lies wholly before rosterUntil and no shift covers it.
            assertThat(f.indicators(AntistollingTheme.THEME, 2024).get("expertise").toString()).isEqualTo(
                    "{\"rosterUntil\":\"2025-06-01T20:00:00+02:00\",\"coverageShare\":0,"
                            + "\"uncoveredMinutes\":527040,\"longestGapMinutes\":527040}");
            // 2025: P ends at rosterUntil, 218580 minutes; the shift covers 720 of them at its end.
            JsonNode e2025 = f.indicators(AntistollingTheme.THEME, 2025).get("expertise");
            assertThat(e2025.get("coverageShare").decimalValue()).isEqualByComparingTo("0.0033");
            assertThat(e2025.get("uncoveredMinutes").asLong()).isEqualTo(217860);
            assertThat(e2025.get("longestGapMinutes").asLong()).isEqualTo(217860);
            // 2027 starts after rosterUntil: P is empty.
            assertThat(f.indicators(AntistollingTheme.THEME, 2027).get("expertise").toString()).isEqualTo(
                    "{\"rosterUntil\":\"2025-06-01T20:00:00+02:00\",\"coverageShare\":null,"
                            + "\"uncoveredMinutes\":null,\"longestGapMinutes\":null}");
            assertThat(f.draft(AntistollingTheme.THEME, 2027).at("/pdca/check").asText()).endsWith(
                    "stollingsexpertise bereikbaar: onbekend van de tijd.");
        }
    }
}
