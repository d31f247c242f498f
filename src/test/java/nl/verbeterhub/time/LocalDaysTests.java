package nl.verbeterhub.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LocalDaysTests {

    @Test
    void givesTheZonesDateAcrossClockChangesAndYearEndsForwardAndBack() {
        LocalDays days = new LocalDays();
        // Every 5 minutes through the 23-hour and the 25-hour day of 2025 and over New Year,
        // then at random back and forth: each answer equals the zone's own.
        for (LocalDateTime from : new LocalDateTime[] {LocalDateTime.of(2025, 3, 29, 0, 0),
                LocalDateTime.of(2025, 10, 25, 0, 0), LocalDateTime.of(2025, 12, 31, 0, 0)}) {
            long start = Amsterdam.toEpochSecond(from);
            for (long t = start - 1; t < start + 3 * 86_400; t += 300) {
                assertThat(days.of(t)).as("at %d", t).isEqualTo(Amsterdam.localDate(t));
                assertThat(days.of(t + 299)).as("at %d", t + 299).isEqualTo(Amsterdam.localDate(t + 299));
            }
        }
        // The instants of the clock changes themselves, and a second either side.
        for (var t = Amsterdam.ZONE.getRules().nextTransition(java.time.Instant.parse("2023-12-31T00:00:00Z"));
             t.getInstant().isBefore(java.time.Instant.parse("2027-01-01T00:00:00Z"));
             t = Amsterdam.ZONE.getRules().nextTransition(t.getInstant())) {
            // First the change itself, then back to the local midnight before it and forward past the next.
            for (long d : new long[] {0, -1, 1}) {
                for (long step = 0; step <= 26 * 3_600; step += 900) {
                    for (long at : new long[] {t.toEpochSecond() + d - step, t.toEpochSecond() + d + step}) {
                        assertThat(days.of(t.toEpochSecond() + d)).isEqualTo(Amsterdam.localDate(t.toEpochSecond() + d));
                        assertThat(days.of(at)).as("at %d", at).isEqualTo(Amsterdam.localDate(at));
                    }
                }
            }
        }
        Random random = new Random(7);
        long base = Amsterdam.toEpochSecond(LocalDateTime.of(2025, 10, 26, 0, 0));
        for (int i = 0; i < 100_000; i++) {
            long t = base + (i % 2 == 0 ? random.nextInt(2 * 86_400) - 86_400 : random.nextLong(4L * 365 * 86_400) - 2L * 365 * 86_400);
            assertThat(days.of(t)).as("at %d", t).isEqualTo(Amsterdam.localDate(t));
        }
    }
}
