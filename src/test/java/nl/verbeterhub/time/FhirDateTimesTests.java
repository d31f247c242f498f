package nl.verbeterhub.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FhirDateTimesTests {

    private static long epoch(String instant) {
        return Instant.parse(instant).getEpochSecond();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2013-02-08T06:43:00+01:00       | 2013-02-08T05:43:00Z",
            "2016-12-21T12:05:00+00:00       | 2016-12-21T12:05:00Z",
            "2012-05-30T20:42:24+12:00       | 2012-05-30T08:42:24Z",
            "2012-01-19T16:45:30-05:00       | 2012-01-19T21:45:30Z",
            "2025-03-01T08:05:09Z            | 2025-03-01T08:05:09Z",
            "2025-03-01T08:05:09.999+01:00   | 2025-03-01T07:05:09Z",
            "2025-03-01T08:05:09.123456789012+01:00 | 2025-03-01T07:05:09Z",
            "2025-03-01T08:05+01:00          | 2025-03-01T07:05:00Z",
            "2025-03-01T08:05:09+0100        | 2025-03-01T07:05:09Z",
    })
    void readsATimeWithItsOffsetTruncatedToSeconds(String text, String expected) {
        assertThat(FhirDateTimes.instant(text)).isEqualTo(epoch(expected));
        assertThat(FhirDateTimes.instantOrDate(text)).isEqualTo(epoch(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2025-03-01T08:05:09", "2025-03-01 08:05:09+01:00", "2025-03-01", "2025-03", "2025", "2019-02-30T10:00:00+01:00",
            "2025-03-01T24:00:00+01:00", "2025-03-01T23:59:60Z", "2025-03-01T08:05:09.+01:00", "2025-03-01T08:05:09+01",
            "2025-03-01T08:05:09+19:00", "2025-03-01t08:05:09Z", "2025-03-01T08:05:09z", "1-3-2025 8:05",
            "0000-01-01T00:00:00Z", "2025-3-01T08:05:09Z", " 2025-03-01T08:05:09Z", ""})
    void refusesWhatIsNoFhirDateTimeOrHasNoTime(String text) {
        assertThat(FhirDateTimes.instant(text)).isEqualTo(FhirDateTimes.UNPARSABLE);
    }

    @Test
    void aDateOnlyAnchorsAtLocalMidnightWhereTheRecordAllowsOne() {
        assertThat(FhirDateTimes.instantOrDate("2019-05-01")).isEqualTo(epoch("2019-04-30T22:00:00Z"));
        assertThat(FhirDateTimes.instantOrDate("2024-01-13")).isEqualTo(epoch("2024-01-12T23:00:00Z"));
        assertThat(FhirDateTimes.isDate("2019-05-01")).isTrue();
        assertThat(FhirDateTimes.isDate("2019-05-01T10:00:00Z")).isFalse();
        for (String partial : new String[] {"2019", "2019-05", "2019-02-30", "2019-5-01"}) {
            assertThat(FhirDateTimes.instantOrDate(partial)).as(partial).isEqualTo(FhirDateTimes.UNPARSABLE);
        }
    }

    @Test
    void aBirthDateIsAFullDate() {
        assertThat(FhirDateTimes.date("2001-07-09")).isEqualTo(LocalDate.of(2001, 7, 9));
        assertThat(FhirDateTimes.date("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        for (String bad : new String[] {"2001", "2001-07", "2025-02-29", "1990-13-01", "9-7-2001", "2001-07-09T00:00:00Z"}) {
            assertThat(FhirDateTimes.date(bad)).as(bad).isNull();
        }
    }

    @Test
    void agreesWithJavaTimeOnRandomInstants() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            OffsetDateTime t = OffsetDateTime.ofInstant(Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L)),
                    ZoneOffset.ofTotalSeconds(random.nextInt(-24, 29) * 1800));
            assertThat(FhirDateTimes.instant(t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))).isEqualTo(t.toEpochSecond());
        }
    }
}
