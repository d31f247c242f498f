package nl.verbeterhub.theme.kwetsbaar;

import static nl.verbeterhub.theme.kwetsbaar.KwetsbaarIndicatorsTests.HEADER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import nl.verbeterhub.support.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every duration of themes.md §1.4 across a clock change, between instants: the stay, a screening, the
 * letter, the overview, and an absent event's wait until observedUntil. Each lands on the other side of
 * its 1440-minute limit than the wall clock would put it.
 */
class KwetsbaarClockChangeTests {

    @TempDir
    Path dir;

    /** 2026-03-29 02:00 CET → 03:00 CEST: a wall-clock day plus 30 minutes is 1410 minutes. */
    @Test
    void springNight() throws Exception {
        try (Fixture f = new Fixture(dir, 1)) {
            f.deliver("kwetsbaar-csv", HEADER
                    // Stay 1410 (wall 24 h 30): not in S, so its on-time delirium screening counts nowhere.
                    + "A;P1;80;;28-3-2026 12:00;29-3-2026 12:30;overleden;28-3-2026 13:00;;;;;\n"
                    // Screenings 1410 and 1440 (wall 25 h) on time, 1441 not, 0 on time.
                    + "B;P2;80;;28-3-2026 12:00;2-4-2026 12:00;overleden;29-3-2026 12:30;29-3-2026 13:00;"
                    + "29-3-2026 13:01;28-3-2026 12:00;;\n"
                    // Letter 1410 on time, overview 1441 late.
                    + "C;P3;80;;20-3-2026 10:00;28-3-2026 12:00;thuis;;;;;29-3-2026 12:30;29-3-2026 13:01\n"
                    // Nothing sent, 1410 minutes before observedUntil: pending.
                    + "D;P4;80;;20-3-2026 10:00;28-3-2026 12:30;thuis;;;;;;\n"
                    + "E;P5;80;;29-3-2026 13:00;;;;;;;;\n");
            ObjectNode i = f.indicators(KwetsbaarTheme.THEME, 2026);
            assertThat(i.get("observedUntil").asText()).isEqualTo("2026-03-29T13:00:00+02:00");
            assertThat(i.get("admissions").asLong()).isEqualTo(5);
            // S = B, C, D.
            assertThat(i.get("screenedByDomainShare").toString())
                    .isEqualTo("{\"delirium\":0.3333,\"falls\":0.3333,\"malnutrition\":0,\"physical\":0.3333}");
            assertThat(i.get("screenedAllDomainsShare").decimalValue()).isEqualByComparingTo("0");
            // T = C, D.
            assertThat(i.get("discharges").asLong()).isEqualTo(2);
            assertThat(i.get("letterOnTimeShare").decimalValue()).isEqualByComparingTo("1");
            assertThat(i.get("medicationOverviewOnTimeShare").decimalValue()).isEqualByComparingTo("0");
            assertThat(i.get("transferOnTimeShare").decimalValue()).isEqualByComparingTo("0");
            assertThat(i.get("letterMinutes").toString()).isEqualTo("{\"median\":1410,\"p90\":1410}");
        }
    }

    /** 2026-10-25 03:00 CEST → 02:00 CET: a wall-clock day minus 30 minutes is 1410 + 60 = 1470 minutes. */
    @Test
    void autumnNight() throws Exception {
        try (Fixture f = new Fixture(dir, 1)) {
            f.deliver("kwetsbaar-csv", HEADER
                    // Stay 1470 (wall 23 h 30): in S, every domain on time.
                    + "A;P1;80;;24-10-2026 12:00;25-10-2026 11:30;overleden;24-10-2026 13:00;24-10-2026 13:00;"
                    + "24-10-2026 13:00;24-10-2026 13:00;;\n"
                    // Screenings 1440 (wall 23 h) on time, 1441 and 1470 not, 0 on time.
                    + "B;P2;80;;24-10-2026 12:00;1-11-2026 12:00;overleden;25-10-2026 11:00;25-10-2026 11:01;"
                    + "25-10-2026 11:30;24-10-2026 12:00;;\n"
                    // Letter 1470 late (wall 23 h 30), overview 1440 on time (wall 23 h).
                    + "C;P3;80;;20-10-2026 10:00;24-10-2026 12:00;thuis;;;;;25-10-2026 11:30;25-10-2026 11:00\n"
                    // Nothing sent, 1470 minutes before observedUntil: late.
                    + "D;P4;80;;20-10-2026 10:00;24-10-2026 12:30;thuis;;;;;;\n"
                    + "E;P5;80;;25-10-2026 12:00;;;;;;;;\n");
            ObjectNode i = f.indicators(KwetsbaarTheme.THEME, 2026);
            assertThat(i.get("observedUntil").asText()).isEqualTo("2026-10-25T12:00:00+01:00");
            // S = A, B, C, D.
            assertThat(i.get("screenedByDomainShare").toString())
                    .isEqualTo("{\"delirium\":0.5,\"falls\":0.25,\"malnutrition\":0.25,\"physical\":0.5}");
            assertThat(i.get("screenedAllDomainsShare").decimalValue()).isEqualByComparingTo("0.25");
            // T = C, D.
            assertThat(i.get("discharges").asLong()).isEqualTo(2);
            assertThat(i.get("letterOnTimeShare").decimalValue()).isEqualByComparingTo("0");
            assertThat(i.get("medicationOverviewOnTimeShare").decimalValue()).isEqualByComparingTo("0.5");
            assertThat(i.get("transferOnTimeShare").decimalValue()).isEqualByComparingTo("0");
            assertThat(i.get("letterMinutes").toString()).isEqualTo("{\"median\":1470,\"p90\":1470}");
        }
    }
}
