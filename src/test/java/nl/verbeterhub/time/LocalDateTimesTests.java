package nl.verbeterhub.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LocalDateTimesTests {

    private static long epoch(String instant) {
        return Instant.parse(instant).getEpochSecond();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1-3-2025 8:05            | 2025-03-01T07:05:00Z",
            "01-03-2025 08:05:09      | 2025-03-01T07:05:09Z",
            "31-12-2025 23:59         | 2025-12-31T22:59:00Z",
            "29-02-2024 0:00          | 2024-02-28T23:00:00Z",
            "15-7-2025 14:30          | 2025-07-15T12:30:00Z",
            "2025-03-01T08:05         | 2025-03-01T07:05:00Z",
            "2025-03-01 08:05:09      | 2025-03-01T07:05:09Z",
            "2025-03-01T08:05:09.999  | 2025-03-01T07:05:09Z",
            "2025-03-01 08:05:09.123456789 | 2025-03-01T07:05:09Z",
            "2025-03-01T08:05:09Z     | 2025-03-01T08:05:09Z",
            "2025-03-01T08:05Z        | 2025-03-01T08:05:00Z",
            "2025-03-01T08:05:09+01:00 | 2025-03-01T07:05:09Z",
            "2025-03-01 08:05:09+0100 | 2025-03-01T07:05:09Z",
            "2025-07-01T08:05:09.5-05:00 | 2025-07-01T13:05:09Z",
            "19-09-25 01:51           | 2025-09-18T23:51:00Z",
            "1-3-25 8:05:09           | 2025-03-01T07:05:09Z",
            "1-3-25 8:05              | 2025-03-01T07:05:00Z",
            "31-12-99 23:59           | 2099-12-31T22:59:00Z",
    })
    void readsEveryAcceptedForm(String text, String expected) {
        assertThat(LocalDateTimes.parseEpochSecond(text)).isEqualTo(epoch(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "31-02-2025 10:00", "29-02-2025 10:00", "1-13-2025 10:00", "0-1-2025 10:00", "1-1-2025 24:00",
            "1-1-2025 23:60", "1-1-2025 23:59:60", "001-3-2025 8:05", "1-3-5 8:05", "1-3-202 8:05", "1-3-20255 8:05",
            "1-3-25", "29-2-25 10:00", "09/19/25 01:51 AM", "1-3-2025", "2025-03-01",
            "1-3-2025 8:5", "1-3-2025  8:05", "1-3-2025T8:05", "2025-3-01T08:05", "2025-03-01T8:05",
            "2025-03-01T08:05:09.", "2025-03-01T08:05:09.1234567890", "2025-03-01T08:05:09+01",
            "2025-03-01T08:05:09+19:00", "2025-03-01T08:05:09 +01:00", "2025-03-01T08:05:09z", "1/3/2025 8:05",
            "morgen 8:05", "2025-02-30T10:00", "1-3-2025 8:05 ", "１-3-2025 8:05", "1-3-2025 8:05:09Z"})
    void refusesWhatIsNoRealDateTime(String text) {
        assertThat(LocalDateTimes.parseEpochSecond(text)).isEqualTo(LocalDateTimes.UNPARSABLE);
    }

    @Test
    void springGapMovesForwardByTheGap() {
        // 30 March 2025: 02:00 CET becomes 03:00 CEST; 02:38 does not exist and is 03:38 CEST.
        assertThat(LocalDateTimes.parseEpochSecond("30-3-2025 2:38")).isEqualTo(epoch("2025-03-30T01:38:00Z"));
        assertThat(LocalDateTimes.parseEpochSecond("30-3-2025 3:22")).isEqualTo(epoch("2025-03-30T01:22:00Z"));
    }

    @Test
    void autumnOverlapTakesTheEarlierSummerOffset() {
        // 26 October 2025: 02:30 happens twice; the first (CEST, +02:00) counts.
        assertThat(LocalDateTimes.parseEpochSecond("26-10-2025 2:30")).isEqualTo(epoch("2025-10-26T00:30:00Z"));
    }

    @Test
    void agreesWithJavaTimeOnRandomInstants() {
        Random random = new Random(42);
        DateTimeFormatter dutch = DateTimeFormatter.ofPattern("d-M-uuuu H:mm:ss");
        DateTimeFormatter iso = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
        for (int i = 0; i < 20_000; i++) {
            LocalDateTime local = LocalDateTime.ofEpochSecond(random.nextLong(946_684_800L, 4_102_444_800L), 0, ZoneOffset.UTC);
            long expected = local.atZone(Amsterdam.ZONE).toEpochSecond();
            assertThat(LocalDateTimes.parseEpochSecond(local.format(dutch))).isEqualTo(expected);
            assertThat(LocalDateTimes.parseEpochSecond(local.format(iso))).isEqualTo(expected);
            OffsetDateTime withOffset = local.atOffset(ZoneOffset.ofHoursMinutes(random.nextInt(-12, 13), 0));
            assertThat(LocalDateTimes.parseEpochSecond(withOffset.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)))
                    .isEqualTo(withOffset.toEpochSecond());
        }
    }

    @Test
    void birthDatesInBothForms() {
        assertThat(LocalDateTimes.parseDate("2019-04-05")).isEqualTo(LocalDate.of(2019, 4, 5));
        assertThat(LocalDateTimes.parseDate("5-4-2019")).isEqualTo(LocalDate.of(2019, 4, 5));
        assertThat(LocalDateTimes.parseDate("31-4-2019")).isNull();
        assertThat(LocalDateTimes.parseDate("2019-04-05 10:00")).isNull();
        assertThat(LocalDateTimes.parseDate("2019-4-5")).isNull();
        assertThat(LocalDateTimes.parseDate("05-04-2019")).isEqualTo(LocalDate.of(2019, 4, 5));
    }

    @Test
    void aDutchBirthDateWithoutItsFourDigitYearIsUnparsable() {
        // a short year is no year 1 or -1: unparsable, so the rejection is UNPARSABLE, never OUT_OF_RANGE
        for (String s : new String[] {"1-6-15", "1-6-", "15-3-201", "1-6-20155", "1-6-2015x"}) {
            assertThat(LocalDateTimes.parseDate(s)).as(s).isNull();
        }
    }
}
