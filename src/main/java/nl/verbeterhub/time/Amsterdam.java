package nl.verbeterhub.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The hub's one time zone: reporting years, months and days are local to Amsterdam (domain.md §1, §2). */
public final class Amsterdam {

    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    /** {@code yyyy-MM-dd'T'HH:mm:ssXXX}, as used for dataUntil, generatedAt and receivedAt. */
    public static final DateTimeFormatter OFFSET_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private Amsterdam() {
    }

    /**
     * Gaps move forward by the gap's length, overlaps take the earlier (summer) offset: exactly what
     * {@link LocalDateTime#atZone} does, which domain.md §2 prescribes.
     */
    public static long toEpochSecond(LocalDateTime local) {
        return local.atZone(ZONE).toEpochSecond();
    }

    public static LocalDate localDate(long epochSecond) {
        return LocalDate.ofInstant(Instant.ofEpochSecond(epochSecond), ZONE);
    }

    public static LocalDateTime localDateTime(long epochSecond) {
        return LocalDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), ZONE);
    }

    public static int year(long epochSecond) {
        return localDate(epochSecond).getYear();
    }

    public static String format(long epochSecond) {
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), ZONE).format(OFFSET_SECONDS);
    }

    public static String format(Instant instant) {
        return format(instant.getEpochSecond());
    }

    /** True once the calendar year has ended in Amsterdam. */
    public static boolean yearEnded(int year, Instant now) {
        return !now.isBefore(LocalDate.of(year + 1, 1, 1).atStartOfDay(ZONE).toInstant());
    }
}
