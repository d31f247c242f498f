package nl.verbeterhub.theme.kwetsbaar;

import static nl.verbeterhub.theme.kwetsbaar.KwetsbaarIndicatorsTests.HEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Set;
import nl.verbeterhub.support.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** themes.md §1.2 and §0.7: one row per rule, each also failing a later rule to show which comes first. */
class KwetsbaarRejectionsTests {

    @TempDir
    Path dir;

    @Test
    void eachRuleInTheOrderOfTheContract() throws Exception {
        try (Fixture f = new Fixture(dir, 1)) {
            f.deliver("kwetsbaar-csv", HEADER
                    + "R1;;80;;2-3-2026 10:00;;;;;;;;;extra\n"                         // 2 malformed before missing
                    + ";P1;abc;;2-3-2026 10:00;;;;;;;;\n"                             // 3
                    + "R3;;;;2-3-2026 10:00;;;;;;;;\n"                                // 4 patient before age
                    + "R4;P4;;;;;;;;;;;\n"                                            // 5 age before admitted_at
                    + "R5;P5;abc;;;;;;;;;;\n"                                         // 6 missing before unparsable
                    + "R6;P6;82,5;1950-06-15;nope;;;;;;;;\n"                          // 7 must parse though birth_date wins
                    + "R7;P7;82;15-6-50;nope;;;;;;;;\n"                               // 8 two-digit year
                    + "R8;P8;;1950-06-15;2-3-2026;nope;;;;;;;\n"                      // 9 a date without a time
                    + "R9;P9;150;;2-3-2026 10:00;6-3-2026 24:00;naar huis;;;;;;\n"     // 10
                    + "R10;P10;150;;2-3-2026 10:00;6-3-2026 14:00;naar huis;x;;;;;\n"  // 11
                    + "R11;P11;150;;2-3-2026 10:00;1-3-2026 10:00;thuis;31-2-2026 10:00;x;;;;\n"
                    + "R12;P12;150;;2-3-2026 10:00;1-3-2026 10:00;thuis;;2-3-2026;x;;;\n"
                    + "R13;P13;150;;2-3-2026 10:00;1-3-2026 10:00;thuis;;;2-3-26 1100;x;;\n"
                    + "R14;P14;150;;2-3-2026 10:00;1-3-2026 10:00;thuis;;;;3/2/26 10:00 AM;x;\n"
                    + "R15;P15;150;;2-3-2026 10:00;1-3-2026 10:00;thuis;;;;;gisteren;x\n"
                    + "R16;P16;150;;2-3-2026 10:00;1-3-2026 10:00;thuis;;;;;;2-3-2026\n" // 17
                    + "R17;P17;121;;2-3-2026 10:00;1-3-2026 10:00;thuis;;;;;;\n"     // 18 range before cross-field
                    + "R18;P18;-1;;2-3-2026 10:00;;;;;;;;\n"                          // 19
                    + "R19;P19;80;2026-03-03;2-3-2026 10:00;;;;;;;;\n"                // 20 born after admission: negative
                    + "R20;P20;80;;2-3-2026 10:00;2-3-2026 9:59;thuis;;;;;1-3-2026 10:00;\n"
                    + "R21;P21;80;;2-3-2026 10:00;6-3-2026 14:00;thuis;;;;;2-3-2026 9:59:59;1-3-2026 10:00\n"
                    + "R22;P22;80;;2-3-2026 10:00;6-3-2026 14:00;thuis;;;;;;2-3-2026 9:59\n" // 23
                    // Accepted: a screening long before admission, age 120 and 0, an unchecked age_years beside a
                    // birth date, a discharge and letter at the admission's own instant.
                    + "A1;Q1;120;;2-3-2026 10:00;;;1-1-2020 10:00;;;;;\n"
                    + "A2;Q2;130;15-6-1950;2-3-2026 10:00;;;;;;;;\n"
                    + "A3;Q3;0;;2-3-2026 10:00;;;;;;;;\n"
                    + "A4;Q4;75;;2-3-2026 10:00;2-3-2026 10:00;OTHER;;;;;2-3-2026 10:00;2-3-2026 10:00\n");
            assertThat(f.rejections()).extracting(r -> r.position().index() + " " + r.reason() + " " + r.field()).containsExactly(
                    "2 MALFORMED_ROW null",
                    "3 MISSING_FIELD elderly_admission_id",
                    "4 MISSING_FIELD patient_id",
                    "5 MISSING_FIELD age_years",
                    "6 MISSING_FIELD admitted_at",
                    "7 UNPARSABLE age_years",
                    "8 UNPARSABLE birth_date",
                    "9 UNPARSABLE admitted_at",
                    "10 UNPARSABLE discharged_at",
                    "11 UNPARSABLE discharge_destination",
                    "12 UNPARSABLE delirium_screened_at",
                    "13 UNPARSABLE falls_screened_at",
                    "14 UNPARSABLE malnutrition_screened_at",
                    "15 UNPARSABLE physical_screened_at",
                    "16 UNPARSABLE letter_sent_at",
                    "17 UNPARSABLE medication_overview_sent_at",
                    "18 OUT_OF_RANGE age_years",
                    "19 OUT_OF_RANGE age_years",
                    "20 OUT_OF_RANGE birth_date",
                    "21 END_BEFORE_START discharged_at",
                    "22 END_BEFORE_START letter_sent_at",
                    "23 END_BEFORE_START medication_overview_sent_at");
            ObjectNode draft = f.draft(KwetsbaarTheme.THEME, 2026);
            assertThat(draft.at("/dataQuality/recordsAccepted").asLong()).isEqualTo(4);
            assertThat(draft.at("/indicators/admissions").asLong()).isEqualTo(3); // A3 (age 0) is outside P
            assertThat(draft.at("/indicators/discharges").asLong()).isEqualTo(1);
        }
    }

    @Test
    void theAgeIsWholeYearsOnTheLocalDateOfAdmission() throws Exception {
        try (Fixture f = new Fixture(dir, 1)) {
            f.deliver("kwetsbaar-csv", HEADER
                    // 00:30 local on the 70th birthday is still the day before in UTC: 70, in P.
                    + "B1;P1;;2-3-1956;2-3-2026 0:30;;;;;;;;\n"
                    // 23:30 local on the day before the 70th birthday is that birthday in UTC: 69, outside P.
                    + "B2;P2;;1956-03-03;2-3-2026 23:30;;;;;;;;\n"
                    + "B3;P3;70;;3-3-2026 10:00;;;;;;;;\n"
                    + "B4;P4;69;;3-3-2026 10:00;;;;;;;;\n"
                    + "B5;P3;70;;4-3-2026 10:00;;;;;;;;\n");
            assertThat(f.rejections()).isEmpty();
            ObjectNode i = f.indicators(KwetsbaarTheme.THEME, 2026);
            assertThat(i.get("admissions").asLong()).isEqualTo(3);
            assertThat(i.get("patients").asLong()).isEqualTo(2);
        }
    }

    @Test
    void destinationsMatchInEnglishOrDutchWhateverTheirCase() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        String[] destinations = {"THUIS", "Nursing_Home", "verpleeghuis", "REVALIDATIE", "Hospice", "ziekenhuis",
            "Psychiatric_Hospital", "GGZ", "Overleden", "DECEASED", "Tegen_Advies", "against_advice", "anders", "Other", ""};
        for (int n = 0; n < destinations.length; n++) {
            csv.append("D").append(n).append(";P").append(n).append(";80;;1-6-2026 10:00;2-6-2026 10:00;")
                    .append(destinations[n]).append(";;;;;;\n");
        }
        try (Fixture f = new Fixture(dir, 1)) {
            f.deliver("kwetsbaar-csv", csv.toString());
            assertThat(f.rejections()).isEmpty();
            // The deaths, in either language, hand over to no one; an empty destination is not excluded.
            assertThat(f.indicators(KwetsbaarTheme.THEME, 2026).get("discharges").asLong()).isEqualTo(destinations.length - 2);
        }
    }

    @Test
    void configuredExclusionsAreCanonicalisedAndAnUnknownOneFailsAtStartUp() {
        KwetsbaarSettings d = KwetsbaarSettings.defaults();
        KwetsbaarCalculator calculator = new KwetsbaarCalculator(new KwetsbaarSettings(d.minAge(), d.minStayMinutes(),
                d.screeningWindowMinutes(), d.screeningLookbackMinutes(), d.letterMaxMinutes(),
                d.medicationOverviewMaxMinutes(), Set.of("Overleden", "HOSPICE")));
        assertThat(calculator.excluded()).containsExactlyInAnyOrder(Destination.DECEASED, Destination.HOSPICE);
        assertThatThrownBy(() -> new KwetsbaarModule(new KwetsbaarSettings(d.minAge(), d.minStayMinutes(),
                d.screeningWindowMinutes(), d.screeningLookbackMinutes(), d.letterMaxMinutes(),
                d.medicationOverviewMaxMinutes(), Set.of("dead")))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theKeptPayloadRoundTrips() {
        ElderlyAdmissionRecord r = new ElderlyAdmissionRecord(82, 1_772_802_000L, Destination.PSYCHIATRIC_HOSPITAL,
                new long[] {1L, Long.MAX_VALUE, -3L, 4L}, 5L, Long.MAX_VALUE);
        ElderlyAdmissionRecord back = ElderlyAdmissionRecord.decode(java.nio.ByteBuffer.wrap(r.encode()));
        assertThat(back.ageYears()).isEqualTo(82);
        assertThat(back.dischargedAt()).isEqualTo(1_772_802_000L);
        assertThat(back.destination()).isEqualTo(Destination.PSYCHIATRIC_HOSPITAL);
        assertThat(back.screenedAt()).containsExactly(1L, Long.MAX_VALUE, -3L, 4L);
        assertThat(back.letterSentAt()).isEqualTo(5L);
        assertThat(back.medicationOverviewSentAt()).isEqualTo(Long.MAX_VALUE);
        ElderlyAdmissionRecord none = new ElderlyAdmissionRecord(70, Long.MAX_VALUE, null, new long[4], 0L, 0L);
        assertThat(ElderlyAdmissionRecord.decode(java.nio.ByteBuffer.wrap(none.encode())).destination()).isNull();
    }
}
