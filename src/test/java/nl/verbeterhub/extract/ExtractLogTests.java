package nl.verbeterhub.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import nl.verbeterhub.admission.Admissions;
import nl.verbeterhub.record.ReasonCode;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.theme.nuchter.FastingTheme;
import nl.verbeterhub.theme.pijn.PainTheme;
import nl.verbeterhub.theme.vbi.VbiTheme;
import org.junit.jupiter.api.Test;

class ExtractLogTests {

    static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    private static ExtractCommit commit(String connector, String sha, RecordType type, long read) {
        return new ExtractCommit("06019999", connector, "f.csv", sha, T, T, Map.of(type, new TypeCounts(read, read, Map.of())), SourceReport.NONE);
    }

    private static ExtractLog.OpenExtract open(String connector, String sha) {
        return new ExtractLog.OpenExtract("06019999", connector, sha, "f.csv", Set.of(PainTheme.THEME), T);
    }

    @Test
    void aHalfWayExtractHoldsItsThemeBackUntilItsCommitArrives() {
        ExtractLog log = new ExtractLog();
        log.begun(open("pijn", "a"));
        assertThat(log.inProgress("06019999", PainTheme.THEME)).isTrue();
        assertThat(log.inProgress("06019999", VbiTheme.THEME)).isFalse();
        assertThat(log.inProgress("06010000", PainTheme.THEME)).isFalse();
        log.add(commit("pijn", "a", PainTheme.PIJN, 10));
        assertThat(log.inProgress("06019999", PainTheme.THEME)).isFalse();
    }

    @Test
    void aBegunMarkerReadAfterItsCommitIsStale() {
        ExtractLog log = new ExtractLog();
        log.add(commit("pijn", "a", PainTheme.PIJN, 10));
        log.begun(open("pijn", "a"));
        assertThat(log.inProgress("06019999", PainTheme.THEME)).isFalse();
    }

    @Test
    void anotherExtractsCommitDoesNotEndIt() {
        ExtractLog log = new ExtractLog();
        log.begun(open("pijn", "b"));
        log.add(commit("pijn", "a", PainTheme.PIJN, 10));
        assertThat(log.inProgress("06019999", PainTheme.THEME)).isTrue();
    }

    @Test
    void redeliveryAndContributionAreByConnectorAndHash() {
        ExtractLog log = new ExtractLog();
        log.add(commit("vbi", "a", VbiTheme.VBI, 3));
        log.add(commit("opnames", "b", Admissions.ADMISSION, 0));
        assertThat(log.committed("vbi", "a")).isTrue();
        assertThat(log.committed("opnames", "a")).isFalse();
        assertThat(log.contributing("06019999", VbiTheme.THEME)).extracting(ExtractLog.ConnectorHistory::connector)
                .containsExactly("vbi");
        assertThat(log.delivered("06019999", Admissions.ADMISSION)).isFalse();
        log.add(new ExtractCommit("06019999", "opnames", "g.csv", "c", T, T.plusSeconds(1),
                Map.of(Admissions.ADMISSION, new TypeCounts(1, 0, Map.of(ReasonCode.UNPARSABLE, 1L))), SourceReport.NONE));
        assertThat(log.delivered("06019999", Admissions.ADMISSION)).isTrue();
        assertThat(log.contributing("06019999", VbiTheme.THEME)).hasSize(2);
    }

    @Test
    void aConnectorContributesToEveryThemeItEverFedForThatHospital() {
        ExtractLog log = new ExtractLog();
        assertThat(log.themesContributedBy("06019999", "mixed")).isEmpty();
        log.add(commit("mixed", "a", VbiTheme.VBI, 3));
        log.add(commit("mixed", "b", PainTheme.PIJN, 1));
        assertThat(log.themesContributedBy("06019999", "mixed")).containsExactlyInAnyOrder(VbiTheme.THEME, PainTheme.THEME);
        log.add(commit("opnames", "c", Admissions.ADMISSION, 1));
        assertThat(log.themesContributedBy("06019999", "opnames")).containsExactly(VbiTheme.THEME);
        log.add(new ExtractCommit("06010000", "elders", "f.csv", "d", T, T, Map.of(FastingTheme.NUCHTER,
                new TypeCounts(1, 1, Map.of())), SourceReport.NONE));
        assertThat(log.themesContributedBy("06019999", "elders")).isEmpty();
    }
}
