package nl.verbeterhub.theme.antistolling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import nl.verbeterhub.support.Fixture;
import nl.verbeterhub.support.Schemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** themes.md §2.4 and the worked example of §2.6, through the real ingest and draft code. */
class AntistollingIndicatorsTests {

    /** {@code antistolling.csv} of themes.md §2.6. */
    static final String PROCEDURES = """
            procedure_id;patient_id;procedure_at;anticoagulant;urgency;bleeding_risk;plan;plan_recorded_at;inr_at;postponed
            OK-1;P1;10-2-2026 8:30;B01AA07;electief;intermediate;onderbreken;2-2-2026 11:00;8-2-2026 10:00;nee
            OK-2;P2;11-2-2026 13:00;VKA;;hoog;overbruggen;10-2-2026 13:00;10-2-2026 23:59;ja
            OK-3;P3;12-2-2026 9:00;B01AF02;;laag;onderbreken;12-2-2026 7:30;;
            OK-4;P1;13-2-2026 2:15;DOAC;spoed;hoog;overbruggen;;;
            """;

    /** {@code stollingsdienst.csv} of themes.md §2.6. */
    static final String SHIFTS = """
            shift_id;start;end
            S-1;31-12-2025 17:00;7-1-2026 8:00
            S-2;7-1-2026 9:30;14-1-2026 8:00
            """;

    @TempDir
    Path dir;

    @Test
    void workedExample2026() throws Exception {
        try (Fixture f = new Fixture(dir, 1)) {
            f.deliver("antistolling-csv", PROCEDURES);
            f.deliver("stollingsdienst-csv", SHIFTS);
            ObjectNode i = f.indicators(AntistollingTheme.THEME, 2026);
            assertThat(i.get("procedures").asLong()).isEqualTo(3);
            assertThat(i.get("patients").asLong()).isEqualTo(3);
            assertThat(i.get("byAnticoagulant").toString())
                    .isEqualTo("{\"VKA\":2,\"DOAC\":1,\"LMWH\":0,\"TAR\":0,\"DAPT\":0}");
            assertShare(i, "planOnTimeShare", "0.6667");
            assertShare(i, "continuedAtLowRiskShare", "0.0");
            assertShare(i, "doacBridgedShare", "0.0");
            assertShare(i, "vkaInrCheckedShare", "0.5");
            assertShare(i, "postponedShare", "0.5");
            JsonNode e = i.get("expertise");
            assertThat(e.get("rosterUntil").asText()).isEqualTo("2026-01-14T08:00:00+01:00");
            assertThat(e.get("coverageShare").decimalValue()).isEqualByComparingTo("0.9953");
            assertThat(e.get("uncoveredMinutes").asLong()).isEqualTo(90);
            assertThat(e.get("longestGapMinutes").asLong()).isEqualTo(90);

            ObjectNode draft = f.draft(AntistollingTheme.THEME, 2026);
            assertThat(draft.at("/period/dataUntil").asText()).isEqualTo("2026-02-13T02:15:00+01:00");
            assertThat(draft.at("/pdca/check").asText()).isEqualTo("In 2026 zijn 3 electieve ingrepen bij patiënten met "
                    + "antistolling geregistreerd; beleid tijdig vastgelegd: 66,7%; stollingsexpertise bereikbaar: 99,5% van de tijd.");
            // Shifts are theme records: both extracts count in dataQuality.
            assertThat(draft.at("/dataQuality/recordsRead").asLong()).isEqualTo(6);
            assertThat(draft.at("/dataQuality/recordsAccepted").asLong()).isEqualTo(6);
            assertThat(Schemas.check(Schemas.DRAFT, draft)).isEmpty();
        }
    }

    @Test
    void workedExample2025HasOnlyAShift() throws Exception {
        try (Fixture f = new Fixture(dir, 1)) {
            f.deliver("antistolling-csv", PROCEDURES);
            f.deliver("stollingsdienst-csv", SHIFTS);
            assertThat(f.drafts(AntistollingTheme.THEME)).extracting(d -> d.year()).containsExactly(2025, 2026);
            ObjectNode i = f.indicators(AntistollingTheme.THEME, 2025);
            assertThat(i.get("procedures").asLong()).isZero();
            assertThat(i.get("patients").asLong()).isZero();
            assertThat(i.get("byAnticoagulant").toString())
                    .isEqualTo("{\"VKA\":0,\"DOAC\":0,\"LMWH\":0,\"TAR\":0,\"DAPT\":0}");
            for (String share : new String[] {"planOnTimeShare", "continuedAtLowRiskShare", "doacBridgedShare",
                    "vkaInrCheckedShare", "postponedShare"}) {
                assertThat(i.get(share).isNull()).as(share).isTrue();
            }
            JsonNode e = i.get("expertise");
            assertThat(e.get("rosterUntil").asText()).isEqualTo("2026-01-14T08:00:00+01:00");
            assertThat(e.get("coverageShare").decimalValue()).isEqualByComparingTo("0.0008");
            assertThat(e.get("uncoveredMinutes").asLong()).isEqualTo(525180);
            assertThat(e.get("longestGapMinutes").asLong()).isEqualTo(525180);

            ObjectNode draft = f.draft(AntistollingTheme.THEME, 2025);
            assertThat(draft.at("/period/dataUntil").asText()).isEqualTo("2025-12-31T17:00:00+01:00");
            assertThat(draft.at("/pdca/check").asText()).isEqualTo("In 2025 zijn 0 electieve ingrepen bij patiënten met "
                    + "antistolling geregistreerd; beleid tijdig vastgelegd: onbekend; stollingsexpertise bereikbaar: 0,1% van de tijd.");
            assertThat(Schemas.check(Schemas.DRAFT, draft)).isEmpty();
        }
    }

    @Test
    void policySharesOverElectiveProceduresWithCaseInsensitiveCodes() throws Exception {
        try (Fixture f = new Fixture(dir, 1)) {
            f.deliver("antistolling-csv", """
                    procedure_id,patient_id,procedure_at,anticoagulant,urgency,bleeding_risk,plan,plan_recorded_at,inr_at,postponed
                    R1,Q1,10-3-2026 8:00,VKA,,hoog,onderbreken,,10-3-2026 7:00,
                    R2,Q2,10-3-2026 8:00,vka,,high,bridge,,10-3-2026 9:00,
                    R3,Q3,10-3-2026 8:00,B01AA04,,intermediair,interrupt,,9-3-2026 0:00,
                    R4,Q4,10-3-2026 0:30,B01AA07,,,Onderbreken,,8-3-2026 23:59,
                    R5,Q5,11-3-2026 8:00,VKA,,laag,doorgaan,,,
                    R6,Q6,11-3-2026 8:00,doac,,LOW,continue,,,
                    R7,Q7,11-3-2026 8:00,B01AE07,,laag,onderbreken,,10-3-2026 8:00,
                    R8,Q8,11-3-2026 8:00,DOAC,,hoog,overbruggen,,,
                    R9,Q9,11-3-2026 8:00,TAR,,laag,doorgaan,,,
                    R10,Q9,11-3-2026 9:00,B01AC06,,laag,,,,
                    R11,Q10,12-3-2026 8:00,DAPT,,,,,,ja
                    R12,Q10,12-3-2026 9:00,b01ab05,,,,,,nee
                    R13,Q11,12-3-2026 10:00,DOAC,Spoed,laag,overbruggen,1-3-2026 8:00,,ja
                    R14,Q12,12-3-2026 11:00,VKA,ELECTIEF,,,,,
                    """);
            ObjectNode i = f.indicators(AntistollingTheme.THEME, 2026);
            assertThat(i.get("procedures").asLong()).isEqualTo(13);
            assertThat(i.get("patients").asLong()).isEqualTo(11);
            assertThat(i.get("byAnticoagulant").toString())
                    .isEqualTo("{\"VKA\":6,\"DOAC\":3,\"LMWH\":1,\"TAR\":2,\"DAPT\":1}");
            // Only the urgent R13 has a plan time: the column is not delivered for E.
            assertThat(i.get("planOnTimeShare").isNull()).isTrue();
            assertShare(i, "continuedAtLowRiskShare", "0.6667"); // R5, R6 of R5–R7; TAR and no-plan rows are outside
            assertShare(i, "doacBridgedShare", "0.3333");        // R8 of R6–R8; the urgent R13 is outside E
            assertShare(i, "vkaInrCheckedShare", "0.5");         // same day, one day before; not after, not two days
            assertShare(i, "postponedShare", "0.5");
            assertThat(i.at("/expertise/rosterUntil").isNull()).isTrue();
            assertThat(i.at("/expertise/coverageShare").isNull()).isTrue();
            assertThat(i.at("/expertise/uncoveredMinutes").isNull()).isTrue();
            assertThat(i.at("/expertise/longestGapMinutes").isNull()).isTrue();
            assertThat(f.draft(AntistollingTheme.THEME, 2026).at("/pdca/check").asText()).isEqualTo("In 2026 zijn 13 electieve "
                    + "ingrepen bij patiënten met antistolling geregistreerd; beleid tijdig vastgelegd: onbekend; "
                    + "stollingsexpertise bereikbaar: onbekend van de tijd.");
        }
    }

    @Test
    void aPlanAtExactlyTheLeadIsOnTimeAndAnInterruptedVkaWithoutInrIsNotDelivered() throws Exception {
        try (Fixture f = new Fixture(dir, 1)) {
            f.deliver("antistolling-csv", """
                    procedure_id;patient_id;procedure_at;anticoagulant;plan;plan_recorded_at;inr_at
                    A;Q1;10-3-2026 8:00;VKA;onderbreken;9-3-2026 8:00;
                    B;Q1;11-3-2026 8:00;VKA;onderbreken;10-3-2026 8:00:01;
                    C;Q2;12-3-2026 8:00;DOAC;onderbreken;13-3-2026 8:00;11-3-2026 8:00
                    """);
            ObjectNode i = f.indicators(AntistollingTheme.THEME, 2026);
            assertThat(i.get("patients").asLong()).isEqualTo(2);
            assertShare(i, "planOnTimeShare", "0.3333"); // 1440 on time; 1439 late; after the procedure late
            assertThat(i.get("vkaInrCheckedShare").isNull()).isTrue(); // inr_at only on a DOAC record
        }
    }

    @Test
    void expertiseIsNeverSuppressedButSmallGroupsAre() throws Exception {
        try (Fixture f = new Fixture(dir, 4)) {
            f.deliver("antistolling-csv", PROCEDURES);
            f.deliver("stollingsdienst-csv", SHIFTS);
            ObjectNode draft = f.draft(AntistollingTheme.THEME, 2026);
            ObjectNode i = (ObjectNode) draft.get("indicators");
            assertThat(i.get("procedures").isNull()).isTrue();
            assertThat(i.get("byAnticoagulant").toString())
                    .isEqualTo("{\"VKA\":null,\"DOAC\":null,\"LMWH\":0,\"TAR\":0,\"DAPT\":0}");
            assertThat(i.get("expertise").toString()).isEqualTo("{\"rosterUntil\":\"2026-01-14T08:00:00+01:00\","
                    + "\"coverageShare\":0.9953,\"uncoveredMinutes\":90,\"longestGapMinutes\":90}");
            assertThat(draft.at("/dataQuality/suppressed").toString()).isEqualTo("[\"/indicators/procedures\","
                    + "\"/indicators/patients\",\"/indicators/byAnticoagulant/VKA\",\"/indicators/byAnticoagulant/DOAC\","
                    + "\"/indicators/planOnTimeShare\",\"/indicators/continuedAtLowRiskShare\","
                    + "\"/indicators/doacBridgedShare\",\"/indicators/vkaInrCheckedShare\",\"/indicators/postponedShare\"]");
            assertThat(draft.at("/pdca/check").asText()).isEqualTo("In 2026 zijn onbekend electieve ingrepen bij patiënten "
                    + "met antistolling geregistreerd; beleid tijdig vastgelegd: onbekend; stollingsexpertise bereikbaar: "
                    + "99,5% van de tijd.");
        }
    }

    static void assertShare(ObjectNode indicators, String field, String expected) {
        assertThat(indicators.get(field).isNumber()).as(field).isTrue();
        assertThat(indicators.get(field).decimalValue()).as(field).isEqualByComparingTo(expected);
    }
}
