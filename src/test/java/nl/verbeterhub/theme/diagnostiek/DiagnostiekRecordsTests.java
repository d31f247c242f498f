package nl.verbeterhub.theme.diagnostiek;

import static nl.verbeterhub.theme.diagnostiek.DiagnostiekIndicatorsTests.HEADER;
import static nl.verbeterhub.theme.diagnostiek.DiagnostiekIndicatorsTests.UITSLAGEN;
import static nl.verbeterhub.theme.diagnostiek.DiagnostiekIndicatorsTests.assertIndicators;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import nl.verbeterhub.record.Checks;
import nl.verbeterhub.support.Fixture;
import nl.verbeterhub.support.Schemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rejections (themes.md §3.2), enumerations (§3.1, §0.7), not-delivered columns (§0.3), years and small groups. */
class DiagnostiekRecordsTests {

    @TempDir
    Path dir;

    /** One row per rule, in the order of §3.2; within a step, fields in table order (domain.md §2). */
    @Test
    void eachRejectionRuleInItsOrder() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            f.deliver("diagnostiek-csv", HEADER
                    + "X1;;1-6-2026 10:00;;;;;;extra\n"                    // 2: malformed before a missing patient
                    + ";P1;1-6-2026 10:00;;;;;\n"                          // 3
                    + "X3;;later;;;;;\n"                                   // 4: missing before unparsable
                    + "X4;P1;;xray;;;;\n"                                  // 5
                    + "X5;P1;1-6-2026;xray;;;;\n"                          // 6: a date without a time; before discipline
                    + "X6;P1;1-6-2026 10:00;xray;asap;misschien;;\n"       // 7
                    + "X7;P1;1-6-2026 10:00;lab;asap;misschien;;\n"        // 8
                    + "X8;P1;1-6-2026 10:00;lab;;misschien;1-6-2026;\n"    // 9
                    + "X9;P1;1-6-2026 10:00;lab;;;1-6-2026;31-6-2026 10:00\n" // 10
                    + "X10;P1;1-6-2026 10:00;lab;;;;31-6-2026 10:00\n"     // 11
                    + "X11;P1;1-6-2026 10:00;unknown;;;;\n"                // 12: "unknown" means empty, is no value
                    + "X12;P1;1-6-2026 10:00;lab;routine;nee;1-6-2026 10:00;1-6-2026 9:00\n");
            assertThat(f.rejections()).extracting(r -> r.position().index() + " " + r.reason() + " " + r.field())
                    .containsExactly("2 MALFORMED_ROW null", "3 MISSING_FIELD result_id", "4 MISSING_FIELD patient_id",
                            "5 MISSING_FIELD result_at", "6 UNPARSABLE result_at", "7 UNPARSABLE discipline",
                            "8 UNPARSABLE priority", "9 UNPARSABLE critical", "10 UNPARSABLE acknowledged_at",
                            "11 UNPARSABLE critical_notified_at", "12 UNPARSABLE discipline");
            assertThat(f.indicators(DiagnostiekTheme.THEME, 2026).get("results").asLong()).isEqualTo(1);
            assertThat(f.draft(DiagnostiekTheme.THEME, 2026).at("/dataQuality/recordsRejected").asLong()).isEqualTo(11);
        }
    }

    @Test
    void enumerationsTakeEnglishAndDutchInAnyCase() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            // Seen after 1441 minutes: on time for a routine result, late for an urgent one.
            f.deliver("diagnostiek-csv", HEADER
                    + "D1;P1;1-6-2026 10:00;LAB;Routine;JA;2-6-2026 10:01;\n"
                    + "D2;P1;1-6-2026 10:00;Laboratorium;REGULIER;NEE;2-6-2026 10:01;\n"
                    + "D3;P1;1-6-2026 10:00;RADIOLOGY;Urgent;Waar;2-6-2026 10:01;\n"
                    + "D4;P1;1-6-2026 10:00;Radiologie;SPOED;onwaar;2-6-2026 10:01;\n"
                    + "D5;P1;1-6-2026 10:00;PATHOLOGY;Cito;;2-6-2026 10:01;\n"
                    + "D6;P1;1-6-2026 10:00;pathologie;;;2-6-2026 10:01;\n"
                    + "D7;P1;1-6-2026 10:00;Other;;Y;;\n"
                    + "D8;P1;1-6-2026 10:00;OVERIG;;1;;\n"
                    + "D9;P1;1-6-2026 10:00;;;;;\n");
            assertThat(f.rejections()).isEmpty();
            ObjectNode i = f.indicators(DiagnostiekTheme.THEME, 2026);
            assertThat(i.get("byDiscipline").toString())
                    .isEqualTo("{\"lab\":2,\"radiology\":2,\"pathology\":2,\"other\":2,\"unknown\":1}");
            assertThat(i.get("patients").asLong()).isEqualTo(1);
            assertThat(i.get("acknowledgedOnTimeShare").decimalValue()).isEqualByComparingTo("0.5");
            assertThat(i.get("criticalResults").asLong()).isEqualTo(4);
            assertThat(i.get("criticalNotifiedOnTimeShare").decimalValue()).isEqualByComparingTo("0"); // D7, D8 pending
        }
    }

    /** No acknowledged_at, critical or notification at all: nulls, never 0, and no pretence of a suppression. */
    @Test
    void columnsNotDeliveredGiveNulls() throws Exception {
        try (Fixture f = new Fixture(dir, 2)) {
            f.deliver("diagnostiek-csv", "result_id,patient_id,result_at\nN1,P1,2026-05-01 08:00\nN2,P2,2026-05-02 09:00\n");
            assertIndicators(f.indicators(DiagnostiekTheme.THEME, 2026), """
                    {"results": 2, "patients": 2,
                     "byDiscipline": {"lab": 0, "radiology": 0, "pathology": 0, "other": 0, "unknown": 2},
                     "acknowledgedOnTimeShare": null, "ackMinutes": {"median": null, "p90": null},
                     "lostResults": null, "lostResultShare": null,
                     "criticalResults": 0, "criticalNotifiedOnTimeShare": null,
                     "observedUntil": "2026-05-02T09:00:00+02:00"}""");
            ObjectNode draft = f.draft(DiagnostiekTheme.THEME, 2026);
            assertThat(draft.at("/dataQuality/suppressed").size()).isZero();
            assertThat(Schemas.check(Schemas.DRAFT, draft)).isEmpty();
            assertThat(draft.at("/pdca/check").asText()).isEqualTo("In 2026 zijn 2 uitslagen geregistreerd; op tijd "
                    + "gezien: onbekend; kritieke uitslagen binnen 60 minuten gemeld: onbekend.");
        }
    }

    /** Either event column suffices for the critical share ("nd all of"), among the critical results themselves. */
    @Test
    void theCriticalShareNeedsEitherEventAmongTheCriticalResults() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            f.deliver("diagnostiek-csv", HEADER
                    + "K1;P1;1-5-2026 8:00;lab;;ja;;1-5-2026 8:30\n"
                    + "K2;P2;1-5-2026 9:00;lab;;ja;;\n"                     // no event, 1 day to observedUntil: late
                    + "K3;P3;2-5-2026 9:00;lab;;nee;;\n");
            ObjectNode i = f.indicators(DiagnostiekTheme.THEME, 2026);
            assertThat(i.get("criticalNotifiedOnTimeShare").decimalValue()).isEqualByComparingTo("0.5");
            assertThat(i.get("acknowledgedOnTimeShare").isNull()).isTrue();
            assertThat(i.get("lostResults").isNull()).isTrue();
        }
        try (Fixture f = new Fixture(dir.resolve("seen-only-elsewhere"))) {
            f.deliver("diagnostiek-csv", HEADER
                    + "K1;P1;1-5-2026 8:00;lab;;ja;;\n"
                    + "K3;P3;2-5-2026 9:00;lab;;nee;2-5-2026 9:10;\n");
            ObjectNode i = f.indicators(DiagnostiekTheme.THEME, 2026);
            assertThat(i.get("criticalResults").asLong()).isEqualTo(1);
            assertThat(i.get("criticalNotifiedOnTimeShare").isNull()).isTrue();
            assertThat(i.get("acknowledgedOnTimeShare").decimalValue()).isEqualByComparingTo("1");
            assertThat(i.get("lostResults").asLong()).isZero();
        }
    }

    /** Each year counts its own results and patients; observedUntil is the latest anchor of all years. */
    @Test
    void yearsShareObservedUntilButNotTheirCounts() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            f.deliver("diagnostiek-csv", HEADER
                    + "Y0;P3;1-12-2025 10:00;lab;;;1-12-2025 11:00;\n"
                    + "Y1;P1;31-12-2025 23:30;lab;;;;\n"                   // 29430 minutes unseen: late, not yet lost
                    + "Y2;P1;1-1-2026 0:10;lab;;;1-1-2026 0:20;\n"
                    + "Y3;P2;20-1-2026 10:00;lab;;;;\n");
            ObjectNode i2025 = f.indicators(DiagnostiekTheme.THEME, 2025);
            assertThat(i2025.get("results").asLong()).isEqualTo(2);
            assertThat(i2025.get("patients").asLong()).isEqualTo(2);
            assertThat(i2025.get("acknowledgedOnTimeShare").decimalValue()).isEqualByComparingTo("0.5");
            assertThat(i2025.get("lostResults").asLong()).isZero();
            assertThat(i2025.get("lostResultShare").decimalValue()).isEqualByComparingTo("0");
            assertThat(i2025.get("observedUntil").asText()).isEqualTo("2026-01-20T10:00:00+01:00");
            assertThat(f.draft(DiagnostiekTheme.THEME, 2025).at("/period/dataUntil").asText())
                    .isEqualTo("2025-12-31T23:30:00+01:00");
            ObjectNode i2026 = f.indicators(DiagnostiekTheme.THEME, 2026);
            assertThat(i2026.get("results").asLong()).isEqualTo(2);
            assertThat(i2026.get("patients").asLong()).isEqualTo(2);
            assertThat(i2026.get("acknowledgedOnTimeShare").decimalValue()).isEqualByComparingTo("1");
            assertThat(i2026.get("observedUntil").asText()).isEqualTo("2026-01-20T10:00:00+01:00");
        }
    }

    @Test
    void smallGroupsAreSuppressed() throws Exception {
        try (Fixture f = new Fixture(dir, 3)) {
            f.deliver("diagnostiek-csv", UITSLAGEN);
            ObjectNode draft = f.draft(DiagnostiekTheme.THEME, 2026);
            assertIndicators((ObjectNode) draft.get("indicators"), """
                    {"results": 6, "patients": 4,
                     "byDiscipline": {"lab": 3, "radiology": null, "pathology": null, "other": 0, "unknown": null},
                     "acknowledgedOnTimeShare": 0.6, "ackMinutes": {"median": 90, "p90": 56100},
                     "lostResults": null, "lostResultShare": 0.4,
                     "criticalResults": null, "criticalNotifiedOnTimeShare": null,
                     "observedUntil": "2026-04-20T10:00:00+02:00"}""");
            assertThat(draft.at("/dataQuality/suppressed")).extracting(n -> n.asText()).containsExactly(
                    "/indicators/byDiscipline/radiology", "/indicators/byDiscipline/pathology",
                    "/indicators/byDiscipline/unknown", "/indicators/lostResults", "/indicators/criticalResults",
                    "/indicators/criticalNotifiedOnTimeShare");
            assertThat(draft.at("/pdca/check").asText()).isEqualTo("In 2026 zijn 6 uitslagen geregistreerd; op tijd "
                    + "gezien: 60,0%; kritieke uitslagen binnen 60 minuten gemeld: onbekend.");
            assertThat(Schemas.check(Schemas.DRAFT, draft)).isEmpty();
        }
    }

    @Test
    void thePayloadKeepsEveryFieldAndAbsence() {
        ResultRecord r = new ResultRecord(Discipline.PATHOLOGY, true, false, Checks.ABSENT, 1_780_000_000L);
        assertThat(ResultRecord.decode(ByteBuffer.wrap(r.encode()))).isEqualTo(r);
        assertThat(r.firstPassedOn()).isEqualTo(1_780_000_000L);
    }
}
