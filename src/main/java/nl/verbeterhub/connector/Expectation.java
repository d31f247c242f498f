package nl.verbeterhub.connector;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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

    /**
     * The most recent deadline at or before {@code now}. Each day's {@code by} is placed in Amsterdam time
     * (on the night the clocks go forward a {@code by} in the missing hour is the hour after); hours after
     * it are counted on the clock that does not jump, so no period is empty or doubled by a clock change.
     */
    public Instant lastDeadline(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, Amsterdam.ZONE);
        Instant deadline = at(today);
        if (deadline.isAfter(now)) deadline = at(today.minusDays(1));
        if (every.compareTo(DAY) < 0) {
            long steps = Duration.between(deadline, now).toSeconds() / every.toSeconds();
            deadline = deadline.plus(every.multipliedBy(steps));
        }
        return deadline;
    }

    /** The deadline whose period saw no extract arrive, if any: the connector is LATE since then. */
    public Optional<Instant> lateSince(Instant lastArrival, Instant now) {
        Instant deadline = lastDeadline(now);
        Instant periodStart = every.compareTo(DAY) >= 0
                ? at(LocalDate.ofInstant(deadline, Amsterdam.ZONE).minusDays(every.toDays()))
                : deadline.minus(every);
        boolean arrived = lastArrival != null && lastArrival.isAfter(periodStart);
        return arrived ? Optional.empty() : Optional.of(deadline);
    }

    private Instant at(LocalDate day) {
        return ZonedDateTime.of(day, by, Amsterdam.ZONE).toInstant();
    }
}
