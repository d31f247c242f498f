package nl.verbeterhub.theme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.StreamSupport;
import nl.verbeterhub.record.ReasonCode;
import nl.verbeterhub.support.Fixture;
import nl.verbeterhub.theme.vbi.VbiTheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VbiIndicatorsTests {

    static final String HEADER = "registration_id,patient_id,ward,intervention_type,score,start,end,alternatives_considered\n";
    static final String VBI = HEADER
            + "r1,p1,W1,onrustband,5,2025-01-10 10:00,2025-01-10 11:30,ja\n"
            + "r2,p1,W1,polsband,5,2025-01-12 10:00,2025-01-12 10:59:59,nee\n"
            + "r3,p2,W2,bedhekken,3,2025-02-01 08:00,,\n"
            + "r4,p3,W2,polsband,5,30-3-2025 1:30,30-3-2025 4:00,\n"  // clock change night: 90 minutes
            + "r5,p3,W2,sensor,1,2025-04-01 12:00,,j\n"
            + "r6,p4,W3,onrustband,5,2025-06-01 12:00,,\n"
            + "r7,p5,W3,tentbed,4,2024-12-31 23:59,2025-01-01 00:30,ja\n"
            + "r8,p1,W1,x,7,2025-01-01 10:00,,\n"
            + "r9,p2,W1,x,2,2025-05-01 10:00,2025-05-01 09:00,\n"
            + "r10,,W1,x,2,2025-05-01 10:00,,\n"
            + "r11,p2,W1,x,2,31-02-2025 10:00,,\n"
            + "r12,p6,W1,x,2,2025-05-01 10:00,,misschien\n";
    static final String ADMISSIONS = "admission_id,patient_id,admitted_at,discharged_at\n"
            + "a1,p1,2025-01-05 08:00,2025-01-20 10:00\n"
            + "a2,p3,2025-03-29 08:00,\n"
            + "a3,p9,2024-12-01 08:00,2024-12-02 08:00\n"
            + "a4,p9,2025-02-01 08:00,2025-01-01 08:00\n";

    @TempDir
    Path dir;

    @Test
    void everyIndicatorOnAHandComputedYear() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            f.deliver("vbi-csv", VBI);
            ObjectNode i = f.indicators(VbiTheme.THEME, 2025);
            assertThat(i.get("registrations").asLong()).isEqualTo(6);
            assertThat(i.get("byScore").toString()).isEqualTo("{\"1\":1,\"2\":0,\"3\":1,\"4\":0,\"5\":4}");
            assertThat(i.get("heavy").asLong()).isEqualTo(4);
            assertThat(i.get("heavyShare").decimalValue()).isEqualByComparingTo("0.6667");
            assertThat(i.get("patients").asLong()).isEqualTo(4);
            assertThat(i.get("patientsWithHeavy").asLong()).isEqualTo(3);
            assertThat(i.get("heavyDurationMinutes").toString()).isEqualTo("{\"median\":90,\"p90\":90}");
            assertThat(i.get("heavyWithAlternativesShare").decimalValue()).isEqualByComparingTo("0.5");
            assertThat(i.get("heavyByMonth").toString()).isEqualTo("[2,0,1,0,0,1,0,0,0,0,0,0]");
            assertThat(i.get("admissions").isNull()).isTrue();
            assertThat(i.has("heavyPer1000Admissions")).isTrue();
            assertThat(i.get("heavyPer1000Admissions").isNull()).isTrue();

            ObjectNode draft = f.draft(VbiTheme.THEME, 2025);
            assertThat(draft.at("/period/dataUntil").asText()).isEqualTo("2025-06-01T12:00:00+02:00");
            assertThat(draft.at("/period/complete").asBoolean()).isTrue();
            assertThat(draft.at("/pdca/check").asText()).isEqualTo("In 2025 zijn 6 VBI geregistreerd, waarvan 4 zwaar (score 5).");
        }
    }

    @Test
    void emptySetsAreNullAndAnotherYearHasItsOwnDraft() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            f.deliver("vbi-csv", VBI);
            ObjectNode i = f.indicators(VbiTheme.THEME, 2024);
            assertThat(i.get("registrations").asLong()).isEqualTo(1);
            assertThat(i.get("heavy").asLong()).isZero();
            assertThat(i.get("heavyShare").decimalValue()).isEqualByComparingTo("0");
            assertThat(i.get("heavyDurationMinutes").toString()).isEqualTo("{\"median\":null,\"p90\":null}");
            assertThat(i.get("heavyWithAlternativesShare").isNull()).isTrue();
            assertThat(i.get("heavyByMonth")).hasSize(12);
            assertThat(f.drafts(VbiTheme.THEME)).extracting(d -> d.year()).containsExactly(2024, 2025);
        }
    }

    @Test
    void rejectionsInTheirOrderWithFieldAndLine() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            f.deliver("vbi-csv", VBI);
            assertThat(f.rejections()).extracting(r -> r.position().index() + " " + r.reason() + " " + r.field())
                    .containsExactly("9 OUT_OF_RANGE score", "10 END_BEFORE_START end", "11 MISSING_FIELD patient_id",
                            "12 UNPARSABLE start", "13 UNPARSABLE alternatives_considered");
        }
    }

    @Test
    void admissionsGiveTheDenominatorAndJoinDataQualityAndSources() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            f.deliver("vbi-csv", VBI);
            f.deliver("opnames-csv", ADMISSIONS);
            ObjectNode i = f.indicators(VbiTheme.THEME, 2025);
            assertThat(i.get("admissions").asLong()).isEqualTo(2);
            assertThat(i.get("heavyPer1000Admissions").decimalValue()).isEqualByComparingTo("2000");
            assertThat(f.indicators(VbiTheme.THEME, 2024).get("heavyPer1000Admissions").decimalValue()).isEqualByComparingTo("0");

            JsonNode q = f.draft(VbiTheme.THEME, 2025).get("dataQuality");
            assertThat(q.get("recordsRead").asLong()).isEqualTo(16);
            assertThat(q.get("recordsAccepted").asLong()).isEqualTo(10);
            assertThat(q.get("recordsRejected").asLong()).isEqualTo(6);
            assertThat(q.get("rejectedByReason").toString()).isEqualTo(
                    "{\"MISSING_FIELD\":1,\"UNPARSABLE\":2,\"OUT_OF_RANGE\":1,\"END_BEFORE_START\":2}");
            JsonNode sources = f.draft(VbiTheme.THEME, 2025).get("sources");
            assertThat(StreamSupport.stream(sources.spliterator(), false).map(s -> s.get("connector").asText()))
                    .containsExactly("opnames-csv", "vbi-csv");
            assertThat(sources.get(1).at("/latest/records").asLong()).isEqualTo(12);
            assertThat(sources.get(1).at("/latest/sha256").asText()).hasSize(64);
        }
    }

    @Test
    void aCorrectedRecordReplacesTheEarlierOneAndARejectedLineChangesNothing() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            f.deliver("vbi-csv", VBI);
            f.deliver("vbi-csv", HEADER
                    + "r2,p1,W1,polsband,3,2025-01-12 10:00,2025-01-12 10:59:59,nee\n"
                    + "r1,p1,W1,onrustband,9,2025-01-10 10:00,,\n");
            ObjectNode i = f.indicators(VbiTheme.THEME, 2025);
            assertThat(i.get("registrations").asLong()).isEqualTo(6);
            assertThat(i.get("heavy").asLong()).isEqualTo(3);
            assertThat(i.get("heavyDurationMinutes").toString()).isEqualTo("{\"median\":90,\"p90\":90}");
            JsonNode vbiSource = f.draft(VbiTheme.THEME, 2025).get("sources").get(0);
            assertThat(vbiSource.get("extracts").asInt()).isEqualTo(2);
            assertThat(f.draft(VbiTheme.THEME, 2025).at("/dataQuality/recordsRead").asLong()).isEqualTo(2);
        }
    }

    @Test
    void aSnapshotRemovesWhatItNoLongerContainsInTheYearsItCovers() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            f.deliver("vbi-snapshot", VBI, true, Set.of());
            f.deliver("vbi-snapshot", HEADER + "r1,p1,W1,onrustband,5,2025-01-10 10:00,2025-01-10 11:30,ja\n"
                    + "r3,p2,W2,bedhekken,9,2025-02-01 08:00,,\n", true, Set.of());
            ObjectNode i = f.indicators(VbiTheme.THEME, 2025);
            // r1 kept, r3 kept (its rejected line counts as contained), r2, r4, r5, r6 removed; 2024 not covered.
            assertThat(i.get("registrations").asLong()).isEqualTo(2);
            assertThat(i.get("heavy").asLong()).isEqualTo(1);
            assertThat(f.indicators(VbiTheme.THEME, 2024).get("registrations").asLong()).isEqualTo(1);
            f.deliver("vbi-snapshot", HEADER, true, Set.of(2024));
            assertThat(f.drafts(VbiTheme.THEME)).extracting(d -> d.year()).containsExactly(2025);
        }
    }

    @Test
    void smallGroupsAreSuppressedAndListed() throws Exception {
        try (Fixture f = new Fixture(dir, 5)) {
            f.deliver("vbi-csv", VBI);
            ObjectNode draft = f.draft(VbiTheme.THEME, 2025);
            ObjectNode i = (ObjectNode) draft.get("indicators");
            assertThat(i.get("registrations").asLong()).isEqualTo(6);
            assertThat(i.get("byScore").toString()).isEqualTo("{\"1\":null,\"2\":0,\"3\":null,\"4\":0,\"5\":null}");
            assertThat(i.get("heavy").isNull()).isTrue();
            assertThat(i.get("heavyShare").decimalValue()).isEqualByComparingTo("0.6667");
            assertThat(i.get("heavyDurationMinutes").toString()).isEqualTo("{\"median\":null,\"p90\":null}");
            assertThat(i.get("heavyByMonth").toString()).isEqualTo("[null,0,null,0,0,null,0,0,0,0,0,0]");
            assertThat(draft.at("/dataQuality/suppressed").toString()).contains("\"/indicators/heavy\"",
                    "\"/indicators/byScore/5\"", "\"/indicators/heavyByMonth/0\"", "\"/indicators/heavyDurationMinutes\"",
                    "\"/indicators/heavyWithAlternativesShare\"").doesNotContain("/indicators/registrations");
            assertThat(draft.at("/pdca/check").asText()).isEqualTo(
                    "In 2025 zijn 6 VBI geregistreerd, waarvan een klein aantal zwaar (score 5).");
        }
    }

    @Test
    void reasonCodesAreCountedPerExtract() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            var commit = f.deliver("vbi-csv", VBI);
            assertThat(commit.counts().values().iterator().next().rejectedByReason())
                    .containsEntry(ReasonCode.UNPARSABLE, 2L).containsEntry(ReasonCode.OUT_OF_RANGE, 1L);
        }
    }
}
