package nl.verbeterhub.connector;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;
import nl.verbeterhub.time.Amsterdam;

/**
 * When a connector's extracts are expected (connector file: {@code expect: {every: P1D, by: "06:00"}},
 * Europe/Amsterdam): one must have arrived in every period that ends at a deadline. {@code every} is a
 * whole number of days, or of hours that divides a day (deadlines at {@code by} and every so many hours
 * after it). A connector is LATE from a deadline until an extract arrives after the period's start.
 */
public record Expectation(Duration every, LocalTime by) {

    private static final Duration DAY = Duration.ofDays(1);

    public Expectation {
        boolean days = every.toSeconds() % DAY.toSeconds() == 0 && !every.isZero();
        boolean hours = every.toSeconds() % 3600 == 0 && every.compareTo(DAY) < 0 && !every.isZero()
                && DAY.toSeconds() % every.toSeconds() == 0;
        if (every.isNegative() || !(days || hours)) {
            throw new IllegalArgumentException("every must be whole days (P1D, P7D) or hours that divide a day (PT6H)");
        }
    }

    /** The most recent deadline at or before {@code now}. */
    public Instant lastDeadline(Instant now) {
        LocalDateTime local = LocalDateTime.ofInstant(now, Amsterdam.ZONE).withNano(0);
        LocalDateTime deadline;
        if (every.compareTo(DAY) >= 0) {
            deadline = local.toLocalDate().atTime(by);
            if (deadline.isAfter(local)) deadline = deadline.minusDays(1);
        } else {
            // Deadlines at by, by + every, … around the clock: the last one not after now.
            long sinceBy = local.toLocalTime().toSecondOfDay() - by.toSecondOfDay();
            deadline = local.minusSeconds(Math.floorMod(sinceBy, every.toSeconds()));
        }
        return ZonedDateTime.of(deadline, Amsterdam.ZONE).toInstant();
    }

    /** The deadline whose period saw no extract arrive, if any: the connector is LATE since then. */
    public Optional<Instant> lateSince(Instant lastArrival, Instant now) {
        Instant deadline = lastDeadline(now);
        LocalDateTime local = LocalDateTime.ofInstant(deadline, Amsterdam.ZONE);
        LocalDateTime start = every.compareTo(DAY) >= 0 ? local.minusDays(every.toDays()) : local.minus(every);
        Instant periodStart = ZonedDateTime.of(start, Amsterdam.ZONE).toInstant();
        boolean arrived = lastArrival != null && lastArrival.isAfter(periodStart);
        return arrived ? Optional.empty() : Optional.of(deadline);
    }
}
