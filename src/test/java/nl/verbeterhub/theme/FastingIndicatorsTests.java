package nl.verbeterhub.theme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import nl.verbeterhub.support.Fixture;
import nl.verbeterhub.theme.nuchter.FastingTheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FastingIndicatorsTests {

    static final String NUCHTER = "procedure_id,patient_id,age_years,birth_date,induction_at,last_solid_at,last_clear_fluid_at,urgency\n"
            + "n1,c1,5,,2025-03-10 09:00,2025-03-10 01:00,2025-03-10 08:00,elective\n"   // clear 60, solid 480
            + "n2,c2,,2020-03-10,2025-03-10 10:00,2025-03-10 01:59,2025-03-10 08:00,\n"  // age 5; clear 120, solid 481
            + "n3,c3,7,,2025-03-10 11:00,,2025-03-10 08:59,electief\n"                  // clear 121
            + "n4,c4,10,,2025-03-10 12:00,2025-03-10 06:00,,\n"                         // solid 360, clear missing
            + "n5,c5,17,,30-3-2025 3:22,,30-3-2025 2:38,\n"                             // 02:38 is 03:38 CEST
            + "n6,c6,18,,2025-03-11 09:00,,2025-03-11 06:00,\n"                         // adult
            + "n7,c7,4,,2025-03-11 09:00,,2025-03-11 06:00,spoed\n"                     // urgent
            + "n8,c8,4,,2025-03-11 09:00,2025-03-08 08:59,,\n"                          // 72 h 1 min
            + "n9,c9,4,,2025-03-11 09:00,2025-03-08 09:00,,\n"                          // exactly 72 h
            + "n10,c10,4,2026-01-01,2025-03-11 09:00,,,\n"                              // born after induction
            + "n11,c11,,,2025-03-11 09:00,,,\n"
            + "n12,c12,4,,2025-03-11 09:00,,,acute\n"
            + "n13,c13,4.5,,2025-03-11 09:00,,,\n"
            + "n14,c14,3,,2025-10-26 02:30,2025-10-26 01:45,2025-10-26 02:10,\n";       // autumn overlap: CEST

    @TempDir
    Path dir;

    @Test
    void boundariesAtExactlyOneAndTwoHoursAndEightHours() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            f.deliver("nuchter-csv", NUCHTER);
            ObjectNode i = f.indicators(FastingTheme.THEME, 2025);
            assertThat(i.get("procedures").asLong()).isEqualTo(6);
            assertThat(i.get("clearFluidFastingMinutes").toString()).isEqualTo("{\"median\":60,\"p90\":121}");
            assertThat(i.get("solidFastingMinutes").toString()).isEqualTo("{\"median\":480,\"p90\":4320}");
            assertThat(i.get("clearFluidOver1hShare").decimalValue()).isEqualByComparingTo("0.5");
            assertThat(i.get("clearFluidOver2hShare").decimalValue()).isEqualByComparingTo("0.25");
            assertThat(i.get("solidOver8hShare").decimalValue()).isEqualByComparingTo("0.4");
            assertThat(i.get("clearFluidMissing").asLong()).isEqualTo(2);
            ObjectNode draft = f.draft(FastingTheme.THEME, 2025);
            assertThat(draft.at("/period/dataUntil").asText()).isEqualTo("2025-10-26T02:30:00+02:00");
            assertThat(draft.at("/pdca/check").asText()).isEqualTo("In 2025 zijn 6 electieve ingrepen bij kinderen "
                    + "geregistreerd; bij 25% was het kind langer dan 2 uur nuchter voor heldere vloeistof.");
        }
    }

    @Test
    void validityAppliesToAdultsAndUrgentProceduresToo() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            f.deliver("nuchter-csv", NUCHTER);
            assertThat(f.rejections()).extracting(r -> r.position().index() + " " + r.reason() + " " + r.field()).containsExactly(
                    "6 INTAKE_AFTER_INDUCTION last_clear_fluid_at",
                    "9 IMPLAUSIBLE_DURATION last_solid_at",
                    "11 OUT_OF_RANGE birth_date",
                    "12 MISSING_FIELD age_years",
                    "13 UNPARSABLE urgency",
                    "14 UNPARSABLE age_years");
            assertThat(f.draft(FastingTheme.THEME, 2025).at("/dataQuality/recordsAccepted").asLong()).isEqualTo(8);
        }
    }

    @Test
    void aYearWithOnlyAdultsHasADraftWithEmptyFigures() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            f.deliver("nuchter-csv", "procedure_id,patient_id,age_years,induction_at,last_clear_fluid_at\n"
                    + "n1,c1,40,2024-03-10 09:00,2024-03-10 08:00\n");
            ObjectNode i = f.indicators(FastingTheme.THEME, 2024);
            assertThat(i.get("procedures").asLong()).isZero();
            assertThat(i.get("clearFluidOver2hShare").isNull()).isTrue();
            assertThat(i.get("clearFluidFastingMinutes").toString()).isEqualTo("{\"median\":null,\"p90\":null}");
        }
    }
}
