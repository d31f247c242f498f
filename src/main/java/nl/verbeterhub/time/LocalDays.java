package nl.verbeterhub.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Amsterdam dates of many instants, as {@link Amsterdam#localDate(long)} gives them, for a pass over
 * records: the UTC offset is looked up once per stretch between two clock changes (months long) and
 * the date follows from the offset by arithmetic. A time-zone lookup per record was the largest part
 * of a calculator's work. One per pass: not thread-safe.
 */
public final class LocalDays {

    private static final ZoneRules RULES = Amsterdam.ZONE.getRules();

    // [from, until): the stretch of instants with one offset, the one around the last instant asked.
    private long from = Long.MAX_VALUE;
    private long until = Long.MIN_VALUE;
    private int offsetSeconds;
    private long epochDay = Long.MIN_VALUE;
    private LocalDate day;

    public LocalDate of(long epochSecond) {
        if (epochSecond < from || epochSecond >= until) stretchAround(epochSecond);
        long localDay = Math.floorDiv(epochSecond + offsetSeconds, 86_400);
        if (localDay != epochDay) {
            epochDay = localDay;
            day = LocalDate.ofEpochDay(localDay);
        }
        return day;
    }

    private void stretchAround(long epochSecond) {
        Instant instant = Instant.ofEpochSecond(epochSecond);
        offsetSeconds = RULES.getOffset(instant).getTotalSeconds();
        // A clock change's own instant already has the new offset: the stretch starts there.
        ZoneOffsetTransition previous = RULES.previousTransition(instant.plusSeconds(1));
        ZoneOffsetTransition next = RULES.nextTransition(instant);
        from = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
        until = next == null ? Long.MAX_VALUE : next.toEpochSecond();
    }
}
