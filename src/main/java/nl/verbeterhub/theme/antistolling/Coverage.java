package nl.verbeterhub.theme.antistolling;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.verbeterhub.time.Amsterdam;

/**
 * Expertise coverage (themes.md §2.4) of each asked year: P_Y = [1 January 00:00, min(next 1 January 00:00,
 * rosterUntil)) in Amsterdam, against the union of all the hospital's shifts, whatever their anchor year.
 * Shifts arrive in start order, so the union comes out as alternating uncovered and covered stretches
 * from −∞ up to {@code rosterUntil}, each clipped to every P_Y; exact in seconds, constant memory.
 */
final class Coverage {

    /** One year's P_Y and what the union covers of it. */
    static final class Period {
        final long from;
        final long until;
        long coveredSeconds;
        long longestGapSeconds;

        Period(long from, long until) {
            this.from = from;
            this.until = until;
        }

        long seconds() {
            return until - from;
        }
    }

    private final Map<Integer, Period> periods = new TreeMap<>();
    private final long rosterUntil;
    private boolean open;
    private long coveredFrom;
    // The end of the union so far: −∞ before the first shift that covers anything.
    private long coveredUntil = Long.MIN_VALUE;

    /** @param rosterUntil the latest end of all accepted shifts (empty ones included) */
    Coverage(Set<Integer> years, long rosterUntil) {
        this.rosterUntil = rosterUntil;
        for (int year : years) {
            long from = startOf(year);
            long until = Math.min(startOf(year + 1), rosterUntil);
            if (until > from) periods.put(year, new Period(from, until));
        }
    }

    /** The next shift in start order. */
    void add(long start, long end) {
        if (end <= start) return; // an empty shift covers nothing; it only counts for rosterUntil
        if (open && start <= coveredUntil) {
            coveredUntil = Math.max(coveredUntil, end);
            return;
        }
        if (open) covered(coveredFrom, coveredUntil);
        uncovered(coveredUntil, start);
        open = true;
        coveredFrom = start;
        coveredUntil = end;
    }

    /** After the last shift: empty shifts may end after the union does, leaving a last gap before rosterUntil. */
    void finish() {
        if (open) covered(coveredFrom, coveredUntil);
        uncovered(coveredUntil, rosterUntil);
    }

    /** The year's P_Y with its coverage, or null when it is empty (no shifts, or none ending after the year's start). */
    Period of(int year) {
        return periods.get(year);
    }

    private void covered(long from, long until) {
        for (Period p : periods.values()) {
            long seconds = overlap(p, from, until);
            if (seconds > 0) p.coveredSeconds += seconds;
        }
    }

    /** A maximal uncovered stretch of the union; clipped to a P_Y it is that year's maximal gap there. */
    private void uncovered(long from, long until) {
        for (Period p : periods.values()) {
            p.longestGapSeconds = Math.max(p.longestGapSeconds, overlap(p, from, until));
        }
    }

    private static long overlap(Period p, long from, long until) {
        return Math.min(p.until, until) - Math.max(p.from, from);
    }

    static long startOf(int year) {
        return LocalDate.of(year, 1, 1).atStartOfDay(Amsterdam.ZONE).toEpochSecond();
    }
}
