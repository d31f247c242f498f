package nl.verbeterhub.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** LATE (domain.md §8): an expected extract that did not arrive in the period ending at a deadline, Amsterdam time. */
class ExpectationTests {

    private static final Expectation DAILY_BY_SIX = new Expectation(Duration.ofDays(1), LocalTime.of(6, 0));

    @Test
    void dailyByTheDeadlineInAmsterdam() {
        // 2026-12-03 06:30 in Amsterdam is 05:30Z; the deadline was 05:00Z.
        Instant now = Instant.parse("2026-12-03T05:30:00Z");
        assertThat(DAILY_BY_SIX.lastDeadline(now)).isEqualTo(Instant.parse("2026-12-03T05:00:00Z"));
        assertThat(DAILY_BY_SIX.lateSince(Instant.parse("2026-12-02T05:00:01Z"), now)).as("arrived in the period").isEmpty();
        assertThat(DAILY_BY_SIX.lateSince(Instant.parse("2026-12-02T04:59:00Z"), now))
                .contains(Instant.parse("2026-12-03T05:00:00Z"));
        assertThat(DAILY_BY_SIX.lateSince(null, now)).as("never arrived").isPresent();
        // Before today's deadline, yesterday's counts.
        assertThat(DAILY_BY_SIX.lastDeadline(Instant.parse("2026-12-03T04:59:00Z"))).isEqualTo(Instant.parse("2026-12-02T05:00:00Z"));
    }

    @Test
    void theDeadlineFollowsTheClockChange() {
        // Summer time: 06:00 in Amsterdam is 04:00Z.
        assertThat(DAILY_BY_SIX.lastDeadline(Instant.parse("2026-07-01T12:00:00Z"))).isEqualTo(Instant.parse("2026-07-01T04:00:00Z"));
        // The night the clocks go back (2026-10-25): the period from the 24th 06:00 (04:00Z) is 25 hours long.
        Instant now = Instant.parse("2026-10-25T06:00:00Z");
        assertThat(DAILY_BY_SIX.lastDeadline(now)).isEqualTo(Instant.parse("2026-10-25T05:00:00Z"));
        assertThat(DAILY_BY_SIX.lateSince(Instant.parse("2026-10-24T04:30:00Z"), now)).isEmpty();
    }

    @Test
    void theNightTheClocksGoForwardHasNoEmptyPeriodAndNoDeadlineAhead() {
        // 2026-03-29: 02:00 CET becomes 03:00 CEST (01:00Z).
        Expectation hourly = new Expectation(Duration.ofHours(1), LocalTime.MIDNIGHT);
        Instant now = Instant.parse("2026-03-29T01:30:00Z");
        assertThat(hourly.lastDeadline(now)).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
        assertThat(hourly.lateSince(Instant.parse("2026-03-29T00:30:00Z"), now)).as("an hour long, not empty").isEmpty();
        // A daily deadline in the missing hour: 02:30 is 03:30 CEST that day, not yet due at 03:10 CEST.
        Expectation halfPastTwo = new Expectation(Duration.ofDays(1), LocalTime.of(2, 30));
        assertThat(halfPastTwo.lastDeadline(Instant.parse("2026-03-29T01:10:00Z"))).isEqualTo(Instant.parse("2026-03-28T01:30:00Z"));
        assertThat(halfPastTwo.lastDeadline(Instant.parse("2026-03-29T01:40:00Z"))).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void everySixHoursFromTheDeadline() {
        Expectation sixHourly = new Expectation(Duration.ofHours(6), LocalTime.of(2, 0));
        // 2026-12-03 15:10 Amsterdam (14:10Z): deadlines at 02, 08, 14, 20 local; the last was 14:00 local (13:00Z).
        Instant now = Instant.parse("2026-12-03T14:10:00Z");
        assertThat(sixHourly.lastDeadline(now)).isEqualTo(Instant.parse("2026-12-03T13:00:00Z"));
        assertThat(sixHourly.lateSince(Instant.parse("2026-12-03T07:30:00Z"), now)).isEmpty();
        assertThat(sixHourly.lateSince(Instant.parse("2026-12-03T06:30:00Z"), now)).isPresent();
        // Just after midnight the last deadline was 20:00 the day before.
        assertThat(sixHourly.lastDeadline(Instant.parse("2026-12-03T23:30:00Z"))).isEqualTo(Instant.parse("2026-12-03T19:00:00Z"));
    }

    @Test
    void onlyWholeDaysOrHoursThatDivideADay() {
        assertThatThrownBy(() -> new Expectation(Duration.ofHours(5), LocalTime.NOON)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Expectation(Duration.ofMinutes(90), LocalTime.NOON)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Expectation(Duration.ZERO, LocalTime.NOON)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Expectation(Duration.ofDays(7), LocalTime.NOON).every()).isEqualTo(Duration.ofDays(7));
    }
}
