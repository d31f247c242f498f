package nl.verbeterhub.theme.kwetsbaar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import nl.verbeterhub.support.Fixture;
import nl.verbeterhub.support.Schemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** themes.md §1.4 and §1.6: the worked example value by value, small groups, years and the window statuses. */
class KwetsbaarIndicatorsTests {

    static final String HEADER = "elderly_admission_id;patient_id;age_years;birth_date;admitted_at;discharged_at;"
            + "discharge_destination;delirium_screened_at;falls_screened_at;malnutrition_screened_at;physical_screened_at;"
            + "letter_sent_at;medication_overview_sent_at\n";

    /** themes.md §1.6, copied. */
    static final String WORKED_EXAMPLE = HEADER
            + "K1;P1;82;;2-3-2026 10:00;6-3-2026 14:00;thuis;2-3-2026 12:00;2-3-2026 12:00;3-3-2026 9:00;3-3-2026 10:00;7-3-2026 13:59;7-3-2026 14:00:59\n"
            + "K2;P2;;1950-06-15;10-3-2026 8:00;10-3-2026 20:00;verpleeghuis;;;;;13-3-2026 9:00;\n"
            + "K3;P3;90;;28-3-2026 22:00;1-4-2026 9:00;overleden;29-3-2026 22:30;;;28-3-2026 23:00;;\n"
            + "K4;P4;68;;20-4-2026 10:00;;;;;;;;\n"
            + "K5;P1;82;;14-4-2026 9:00;;;;;;;;\n"
            + "K6;P5;77;;15-4-2026 8:00;19-4-2026 15:00;thuis;15-4-2026 9:00;15-4-2026 9:00;10-3-2026 10:00;16-4-2026 8:01;;19-4-2026 14:30\n";

    @TempDir
    Path dir;

    @Test
    void theWorkedExampleGivesEveryPublishedValue() throws Exception {
        try (Fixture f = new Fixture(dir, 1)) {
            f.deliver("kwetsbaar-csv", WORKED_EXAMPLE);
            assertThat(f.rejections()).isEmpty();
            ObjectNode draft = f.draft(KwetsbaarTheme.THEME, 2026);
            KwetsbaarWorkedExample.assertPublishedValues(draft);
            assertThat(draft.at("/dataQuality/suppressed")).isEmpty();
            assertThat(Schemas.check(Schemas.DRAFT, draft)).isEmpty();
            assertThat(f.drafts(KwetsbaarTheme.THEME)).hasSize(1);
        }
    }

    @Test
    void smallGroupsHideTheSharesOverFewerThanKRecords() throws Exception {
        try (Fixture f = new Fixture(dir, 3)) {
            f.deliver("kwetsbaar-csv", WORKED_EXAMPLE);
            ObjectNode draft = f.draft(KwetsbaarTheme.THEME, 2026);
            ObjectNode i = (ObjectNode) draft.get("indicators");
            assertThat(i.get("admissions").asLong()).isEqualTo(5);
            assertThat(i.get("screenedAllDomainsShare").decimalValue()).isEqualByComparingTo("0.3333");
            assertThat(i.get("medicationOverviewOnTimeShare").decimalValue()).isEqualByComparingTo("0.6667");
            // Letters: one on time, one late, one pending: two judged, fewer than k.
            assertThat(i.get("letterOnTimeShare").isNull()).isTrue();
            assertThat(i.get("transferOnTimeShare").isNull()).isTrue();
            assertThat(i.get("letterMinutes").toString()).isEqualTo("{\"median\":null,\"p90\":null}");
            assertThat(draft.at("/dataQuality/suppressed")).extracting(JsonNode::asText).containsExactly(
                    "/indicators/letterOnTimeShare", "/indicators/transferOnTimeShare", "/indicators/letterMinutes");
            assertThat(draft.at("/pdca/check").asText()).endsWith("alle vier VMS-domeinen: 33,3%; "
                    + "ontslagbrief en medicatieoverzicht op tijd: onbekend.");
        }
    }

    @Test
    void observedUntilSpansAllYearsAndAbsentEventsBecomeLateAgainstIt() throws Exception {
        try (Fixture f = new Fixture(dir, 1)) {
            f.deliver("kwetsbaar-csv", HEADER
                    + "Y1;P1;80;;20-12-2025 10:00;28-12-2025 10:00;thuis;;;;;;28-12-2025 12:00\n"
                    + "Y2;P1;80;;5-1-2026 10:00;;;;;;;;\n"
                    + "Y3;P2;60;;10-1-2026 10:00;;;;;;;;\n"); // outside the population, yet the latest anchor
            ObjectNode d2025 = f.draft(KwetsbaarTheme.THEME, 2025);
            ObjectNode i = (ObjectNode) d2025.get("indicators");
            assertThat(d2025.at("/period/dataUntil").asText()).isEqualTo("2025-12-20T10:00:00+01:00");
            assertThat(i.get("observedUntil").asText()).isEqualTo("2026-01-10T10:00:00+01:00");
            assertThat(i.get("admissions").asLong()).isEqualTo(1);
            assertThat(i.get("patients").asLong()).isEqualTo(1);
            assertThat(i.get("discharges").asLong()).isEqualTo(1);
            // No letter column value in T: not delivered, so null rather than 0 (Y1's letter would be late).
            assertThat(i.get("letterOnTimeShare").isNull()).isTrue();
            assertThat(i.get("transferOnTimeShare").isNull()).isTrue();
            assertThat(i.get("medicationOverviewOnTimeShare").decimalValue()).isEqualByComparingTo("1");
            assertThat(i.get("screenedAllDomainsShare").isNull()).isTrue();
            assertThat(i.get("screenedByDomainShare").toString())
                    .isEqualTo("{\"delirium\":null,\"falls\":null,\"malnutrition\":null,\"physical\":null}");
            assertThat(d2025.at("/pdca/check").asText()).isEqualTo("In 2025 zijn 1 opnames van 70-plussers geregistreerd; "
                    + "tijdig gescreend op alle vier VMS-domeinen: onbekend; ontslagbrief en medicatieoverzicht op tijd: onbekend.");

            ObjectNode d2026 = f.draft(KwetsbaarTheme.THEME, 2026);
            assertThat(d2026.at("/period/dataUntil").asText()).isEqualTo("2026-01-10T10:00:00+01:00");
            assertThat(d2026.at("/indicators/observedUntil").asText()).isEqualTo("2026-01-10T10:00:00+01:00");
            assertThat(d2026.at("/indicators/admissions").asLong()).isEqualTo(1);
            assertThat(d2026.at("/indicators/patients").asLong()).isEqualTo(1);
            assertThat(d2026.at("/indicators/discharges").asLong()).isZero();
            assertThat(Schemas.check(Schemas.DRAFT, d2026)).isEmpty();
        }
    }

    @Test
    void aPendingDischargeIsJudgedOnceTheNextExtractMovesObservedUntilOn() throws Exception {
        try (Fixture f = new Fixture(dir, 1)) {
            f.deliver("kwetsbaar-csv", HEADER
                    + "K1;P1;80;;1-6-2026 8:00;5-6-2026 10:00;thuis;;;;;;\n"
                    + "K3;P3;80;;1-6-2026 9:00;5-6-2026 9:00;thuis;;;;;5-6-2026 18:00;5-6-2026 18:00\n"
                    + "K2;P2;80;;5-6-2026 12:00;;;;;;;;\n");
            ObjectNode first = f.indicators(KwetsbaarTheme.THEME, 2026);
            assertThat(first.get("observedUntil").asText()).isEqualTo("2026-06-05T12:00:00+02:00");
            // K1 waits 120 minutes for both: pending, in no share.
            assertThat(first.get("letterOnTimeShare").decimalValue()).isEqualByComparingTo("1");
            assertThat(first.get("medicationOverviewOnTimeShare").decimalValue()).isEqualByComparingTo("1");
            assertThat(first.get("transferOnTimeShare").decimalValue()).isEqualByComparingTo("1");
            assertThat(first.get("letterMinutes").toString()).isEqualTo("{\"median\":540,\"p90\":540}");

            f.deliver("kwetsbaar-csv", HEADER
                    + "K1;P1;80;;1-6-2026 8:00;5-6-2026 10:00;thuis;;;;;6-6-2026 9:00;\n"
                    + "K4;P4;80;;7-6-2026 12:00;;;;;;;;\n");
            ObjectNode next = f.indicators(KwetsbaarTheme.THEME, 2026);
            assertThat(next.get("observedUntil").asText()).isEqualTo("2026-06-07T12:00:00+02:00");
            // K1's letter came within 1380 minutes: on time; its overview is still absent after 3000: late.
            assertThat(next.get("letterOnTimeShare").decimalValue()).isEqualByComparingTo("1");
            assertThat(next.get("medicationOverviewOnTimeShare").decimalValue()).isEqualByComparingTo("0.5");
            assertThat(next.get("transferOnTimeShare").decimalValue()).isEqualByComparingTo("0.5");
            assertThat(next.get("letterMinutes").toString()).isEqualTo("{\"median\":540,\"p90\":1380}");
            assertThat(f.draft(KwetsbaarTheme.THEME, 2026).at("/pdca/check").asText()).isEqualTo("In 2026 zijn 4 opnames van "
                    + "70-plussers geregistreerd; tijdig gescreend op alle vier VMS-domeinen: onbekend; "
                    + "ontslagbrief en medicatieoverzicht op tijd: 50,0%.");
        }
    }

    @Test
    void aColumnIsDeliveredOnlyWhenARecordOfTheBaseSetHasAValue() throws Exception {
        try (Fixture f = new Fixture(dir, 1)) {
            f.deliver("kwetsbaar-csv", HEADER
                    + "N1;P1;80;;1-6-2026 10:00;5-6-2026 10:00;thuis;1-6-2026 11:00;;;;5-6-2026 12:00;\n"
                    // Outside P: its falls screening and overview deliver nothing.
                    + "N2;P2;60;;1-6-2026 10:00;5-6-2026 10:00;thuis;;1-6-2026 11:00;;;;5-6-2026 11:00\n"
                    // In T, not in S (a 600-minute stay): its malnutrition screening delivers nothing for S.
                    + "N3;P3;80;;1-6-2026 10:00;1-6-2026 20:00;;;;1-6-2026 11:00;;;\n");
            ObjectNode i = f.indicators(KwetsbaarTheme.THEME, 2026);
            assertThat(i.get("screenedByDomainShare").toString())
                    .isEqualTo("{\"delirium\":1,\"falls\":null,\"malnutrition\":null,\"physical\":null}");
            assertThat(i.get("screenedAllDomainsShare").isNull()).isTrue();
            assertThat(i.get("discharges").asLong()).isEqualTo(2);
            // N3's window starts after observedUntil (1 June 10:00): pending, not late.
            assertThat(i.get("letterOnTimeShare").decimalValue()).isEqualByComparingTo("1");
            assertThat(i.get("medicationOverviewOnTimeShare").isNull()).isTrue();
            assertThat(i.get("transferOnTimeShare").isNull()).isTrue();
            assertThat(i.get("letterMinutes").toString()).isEqualTo("{\"median\":120,\"p90\":120}");
        }
    }

    @Test
    void anExportWithoutTheOptionalColumnsPublishesNullsNotZeros() throws Exception {
        try (Fixture f = new Fixture(dir, 1)) {
            f.deliver("kwetsbaar-csv", "elderly_admission_id,patient_id,age_years,admitted_at,discharged_at\n"
                    + "E1,P1,80,2026-06-01 10:00,2026-06-05 10:00\nE2,P2,81,2026-06-02 10:00,2026-06-09 10:00\n");
            ObjectNode draft = f.draft(KwetsbaarTheme.THEME, 2026);
            assertThat(draft.get("indicators").toString()).isEqualTo("{\"admissions\":2,\"patients\":2,"
                    + "\"screenedAllDomainsShare\":null,\"screenedByDomainShare\":{\"delirium\":null,\"falls\":null,"
                    + "\"malnutrition\":null,\"physical\":null},\"discharges\":2,\"letterOnTimeShare\":null,"
                    + "\"medicationOverviewOnTimeShare\":null,\"transferOnTimeShare\":null,"
                    + "\"letterMinutes\":{\"median\":null,\"p90\":null},\"observedUntil\":\"2026-06-02T10:00:00+02:00\"}");
            assertThat(Schemas.check(Schemas.DRAFT, draft)).isEmpty();
        }
    }

    @Test
    void theScreeningWindowRunsFromThirtyDaysBeforeToADayAfterAdmission() throws Exception {
        try (Fixture f = new Fixture(dir, 1)) {
            f.deliver("kwetsbaar-csv", HEADER
                    // delirium −43200, falls −43201 (one second more), malnutrition −1 (30 s before), physical 1440.
                    + "L1;P1;80;;31-5-2026 10:00;5-6-2026 10:00;overleden;1-5-2026 10:00:01;1-5-2026 9:59:59;"
                    + "31-5-2026 9:59:30;1-6-2026 10:00:59;;\n");
            ObjectNode i = f.indicators(KwetsbaarTheme.THEME, 2026);
            assertThat(i.get("screenedByDomainShare").toString())
                    .isEqualTo("{\"delirium\":1,\"falls\":0,\"malnutrition\":1,\"physical\":1}");
            assertThat(i.get("screenedAllDomainsShare").decimalValue()).isEqualByComparingTo("0");
            assertThat(i.get("discharges").asLong()).isZero();
        }
    }
}
