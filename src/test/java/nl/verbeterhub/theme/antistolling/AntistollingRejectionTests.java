package nl.verbeterhub.theme.antistolling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import nl.verbeterhub.support.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * themes.md §2.2: one row per rule, each also failing every later check so that the order shows; within
 * the parse step the fields come in table order (domain.md §2).
 */
class AntistollingRejectionTests {

    @TempDir
    Path dir;

    @Test
    void procedureRejectionsInContractOrder() throws Exception {
        try (Fixture f = new Fixture(dir, 1)) {
            f.deliver("antistolling-csv", """
                    procedure_id;patient_id;procedure_at;anticoagulant;urgency;bleeding_risk;plan;plan_recorded_at;inr_at;postponed
                    X1;;10-2-2026 8:30;VKA;;;;;;;extra
                    ;;;XYZ;nu
                    X3;;;XYZ;nu
                    X4;P1;;XYZ;nu
                    X5;P1;31-2-2026 8:00;;nu
                    X6;P1;31-2-2026 8:00;XYZ;nu
                    X7;P1;10-2-2026 8:30;XYZ;nu
                    X8;P1;10-2-2026 8:30;B01AA0;nu
                    X9;P1;10-2-2026 8:30;B01AE06;nu
                    X10;P1;10-2-2026 8:30;VKA;nu;heel hoog
                    X11;P1;10-2-2026 8:30;VKA;;heel hoog;stoppen
                    X12;P1;10-2-2026 8:30;VKA;;hoog;stoppen;gisteren;morgen
                    X13;P1;10-2-2026 8:30;VKA;;hoog;onderbreken;gisteren;morgen;misschien
                    X14;P1;10-2-2026 8:30;VKA;;hoog;onderbreken;1-2-2026 8:00;9-2-2026;misschien
                    X15;P1;10-2-2026 8:30;VKA;;hoog;onderbreken;1-2-2026 8:00;9-2-2026 8:00;misschien
                    X16;P1;10-2-2026 8:30;B01AA04;;;;11-2-2026 8:00;11-2-2026 8:00;
                    X17;P2;10-2-2026 9:30;b01af;acuut;;;;;
                    X18;P3;10-2-2026 10:30;b01af;;;;;;
                    """);
            assertThat(f.rejections()).extracting(r -> r.position().index() + " " + r.reason() + " " + r.field())
                    .containsExactly(
                            "2 MALFORMED_ROW null",
                            "3 MISSING_FIELD procedure_id",
                            "4 MISSING_FIELD patient_id",
                            "5 MISSING_FIELD procedure_at",
                            "6 MISSING_FIELD anticoagulant",
                            "7 UNPARSABLE procedure_at",
                            "8 UNPARSABLE anticoagulant",  // no class name
                            "9 UNPARSABLE anticoagulant",  // six characters, though B01AA is a prefix
                            "10 UNPARSABLE anticoagulant", // seven characters whose prefixes have no class
                            "11 UNPARSABLE urgency",
                            "12 UNPARSABLE bleeding_risk",
                            "13 UNPARSABLE plan",
                            "14 UNPARSABLE plan_recorded_at",
                            "15 UNPARSABLE inr_at",        // a date without a time
                            "16 UNPARSABLE postponed");
            assertThat(f.rejections()).allMatch(r -> r.recordType() == AntistollingTheme.ANTISTOLLING);
            // A plan and an INR after the procedure are no rejection; the urgent X17 is a record outside E.
            ObjectNode i = f.indicators(AntistollingTheme.THEME, 2026);
            assertThat(i.get("procedures").asLong()).isEqualTo(2);
            assertThat(i.get("byAnticoagulant").toString())
                    .isEqualTo("{\"VKA\":1,\"DOAC\":1,\"LMWH\":0,\"TAR\":0,\"DAPT\":0}");
            assertThat(i.get("planOnTimeShare").decimalValue()).isEqualByComparingTo("0");
            ObjectNode draft = f.draft(AntistollingTheme.THEME, 2026);
            assertThat(draft.at("/dataQuality/recordsRead").asLong()).isEqualTo(18);
            assertThat(draft.at("/dataQuality/recordsRejected").asLong()).isEqualTo(15);
        }
    }

    @Test
    void shiftRejectionsInContractOrder() throws Exception {
        try (Fixture f = new Fixture(dir, 1)) {
            f.deliver("stollingsdienst-csv", """
                    shift_id,start,end
                    D1,,,x
                    ,1-1-2026 8:00,1-1-2026 9:00
                    D3,,1-1-2026 9:00
                    D4,32-1-2026 8:00,
                    D5,32-1-2026 8:00,1-1-2026
                    D6,1-1-2026 8:00,1-1-2026
                    D7,1-1-2026 8:00,1-1-2026 7:59:59
                    D8,1-1-2026 8:00,15-1-2026 8:01
                    D9,1-1-2026 8:00,15-1-2026 8:00:59
                    D10,20-1-2026 8:00,20-1-2026 8:00
                    """);
            assertThat(f.rejections()).extracting(r -> r.position().index() + " " + r.reason() + " " + r.field())
                    .containsExactly(
                            "2 MALFORMED_ROW null",
                            "3 MISSING_FIELD shift_id",
                            "4 MISSING_FIELD start",
                            "5 MISSING_FIELD end",
                            "6 UNPARSABLE start",
                            "7 UNPARSABLE end",
                            "8 END_BEFORE_START end",
                            "9 IMPLAUSIBLE_DURATION end"); // 20161 minutes
            assertThat(f.rejections()).allMatch(r -> r.recordType() == AntistollingTheme.ANTISTOLLING_SHIFT);
            // D9 (20160 whole minutes) and the empty D10 are accepted; the empty one still ends the roster.
            ObjectNode draft = f.draft(AntistollingTheme.THEME, 2026);
            assertThat(draft.at("/period/dataUntil").asText()).isEqualTo("2026-01-20T08:00:00+01:00");
            assertThat(draft.at("/indicators/expertise/rosterUntil").asText()).isEqualTo("2026-01-20T08:00:00+01:00");
            // P = 1 Jan → 20 Jan 08:00 (27840 min); D9 covers 20160 min and 59 s of it.
            assertThat(draft.at("/indicators/expertise/uncoveredMinutes").asLong()).isEqualTo(7679);
            assertThat(draft.at("/indicators/expertise/longestGapMinutes").asLong()).isEqualTo(7199);
            assertThat(draft.at("/dataQuality/recordsRejected").asLong()).isEqualTo(8);
        }
    }
}
