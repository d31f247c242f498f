package nl.verbeterhub.theme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import nl.verbeterhub.support.Fixture;
import nl.verbeterhub.theme.pijn.PainTheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PainIndicatorsTests {

    static final String PIJN = "measurement_id,patient_id,admission_id,measured_at,scale,value,vulnerable\n"
            + "m1,q1,,2025-05-01 08:00,NRS,4,\n"          // action; followed up at exactly 3600 s
            + "m2,q1,,2025-05-01 09:00,NRS,3,\n"
            + "m3,q1,,2025-05-01 12:00,NRS,7,\n"          // severe; next one 3601 s later: no follow-up
            + "m4,q1,,2025-05-01 13:00:01,VAS,\"39,9\",\n" // VAS100 below 40
            + "m5,q2,,2025-05-01 08:00,FLACC,4,\n"        // observation scale: vulnerable; same-instant m6 is no follow-up
            + "m6,q2,,2025-05-01 08:00,NRS,2,ja\n"
            + "m7,q2,,2025-05-01 08:30,comfort,17,\n"
            + "m8,q3,,2025-12-31 23:30,VAS10,4,0\n"       // followed up next year
            + "m9,q3,,2026-01-01 00:10,NRS,1,\n"
            + "m10,q4,,2025-05-02 10:00,NRS,4.5,\n"
            + "m11,q4,,2025-05-02 10:00,ABC,4,\n"
            + "m12,q4,,2025-05-02 10:00,NRS,11,\n"
            + "m13,q4,,2025-05-02 10:00,COMFORT,5,\n"
            + "m14,q4,,2025-05-02 10:00,VAS100,100,\n";

    @TempDir
    Path dir;

    @Test
    void everyIndicatorOnAHandComputedYear() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            f.deliver("pijn-csv", PIJN);
            ObjectNode i = f.indicators(PainTheme.THEME, 2025);
            assertThat(i.get("measurements").asLong()).isEqualTo(9);
            assertThat(i.get("patients").asLong()).isEqualTo(4);
            assertThat(i.get("painShare").decimalValue()).isEqualByComparingTo("0.6667");
            assertThat(i.get("severePainShare").decimalValue()).isEqualByComparingTo("0.2857");
            assertThat(i.get("followUpWithin60Share").decimalValue()).isEqualByComparingTo("0.5");
            assertThat(i.get("patientDays").asLong()).isEqualTo(4);
            assertThat(i.get("patientDays3PlusShare").decimalValue()).isEqualByComparingTo("0.5");
            assertThat(i.get("vulnerable").get("measurements").asLong()).isEqualTo(3);
            assertThat(i.get("vulnerable").get("painShare").decimalValue()).isEqualByComparingTo("0.6667");
            assertThat(i.get("vulnerable").get("followUpWithin60Share").decimalValue()).isEqualByComparingTo("0.5");
            assertThat(f.draft(PainTheme.THEME, 2025).at("/period/dataUntil").asText()).isEqualTo("2025-12-31T23:30:00+01:00");
            assertThat(f.draft(PainTheme.THEME, 2025).at("/pdca/check").asText())
                    .isEqualTo("In 2025 zijn 9 pijnscores vastgelegd, waarvan 66,67% pijn die om actie vraagt.");
        }
    }

    @Test
    void theNextYearCountsItsOwnMeasurementsOnly() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            f.deliver("pijn-csv", PIJN);
            ObjectNode i = f.indicators(PainTheme.THEME, 2026);
            assertThat(i.get("measurements").asLong()).isEqualTo(1);
            assertThat(i.get("painShare").decimalValue()).isEqualByComparingTo("0");
            assertThat(i.get("followUpWithin60Share").isNull()).isTrue();
            assertThat(i.get("vulnerable").toString()).isEqualTo(
                    "{\"measurements\":0,\"painShare\":null,\"followUpWithin60Share\":null}");
            assertThat(f.draft(PainTheme.THEME, 2026).at("/period/complete").asBoolean()).isFalse();
        }
    }

    @Test
    void scaleAndValueRejections() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            f.deliver("pijn-csv", PIJN);
            assertThat(f.rejections()).extracting(r -> r.position().index() + " " + r.reason() + " " + r.field()).containsExactly(
                    "11 UNPARSABLE value", "12 UNKNOWN_SCALE scale", "13 OUT_OF_RANGE value", "14 OUT_OF_RANGE value");
        }
    }

    @Test
    void nrsExactlyFourNeedsActionAndThreeDoesNot() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            f.deliver("pijn-csv", "measurement_id,patient_id,measured_at,scale,value\n"
                    + "a,q1,2025-05-01 08:00,NRS,4\nb,q2,2025-05-01 08:00,NRS,3\nc,q3,2025-05-01 08:00,VAS100,\"69,99\"\n");
            ObjectNode i = f.indicators(PainTheme.THEME, 2025);
            assertThat(i.get("painShare").decimalValue()).isEqualByComparingTo("0.6667");
            assertThat(i.get("severePainShare").decimalValue()).isEqualByComparingTo("0");
        }
    }
}
