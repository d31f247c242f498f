package nl.verbeterhub.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import nl.verbeterhub.record.ReasonCode;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.theme.Theme;
import org.junit.jupiter.api.Test;

class ExtractLogTests {

    static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    private static ExtractCommit commit(String connector, String sha, RecordType type, long read) {
        return new ExtractCommit("06019999", connector, "f.csv", sha, T, T, Map.of(type, new TypeCounts(read, read, Map.of())), SourceReport.NONE);
    }

    private static ExtractLog.OpenExtract open(String connector, String sha) {
        return new ExtractLog.OpenExtract("06019999", connector, sha, "f.csv", EnumSet.of(Theme.PIJN), T);
    }

    @Test
    void aHalfWayExtractHoldsItsThemeBackUntilItsCommitArrives() {
        ExtractLog log = new ExtractLog();
        log.begun(open("pijn", "a"));
        assertThat(log.inProgress("06019999", Theme.PIJN)).isTrue();
        assertThat(log.inProgress("06019999", Theme.VBI)).isFalse();
        assertThat(log.inProgress("06010000", Theme.PIJN)).isFalse();
        log.add(commit("pijn", "a", RecordType.PIJN, 10));
        assertThat(log.inProgress("06019999", Theme.PIJN)).isFalse();
    }

    @Test
    void aBegunMarkerReadAfterItsCommitIsStale() {
        ExtractLog log = new ExtractLog();
        log.add(commit("pijn", "a", RecordType.PIJN, 10));
        log.begun(open("pijn", "a"));
        assertThat(log.inProgress("06019999", Theme.PIJN)).isFalse();
    }

    @Test
    void anotherExtractsCommitDoesNotEndIt() {
        ExtractLog log = new ExtractLog();
        log.begun(open("pijn", "b"));
        log.add(commit("pijn", "a", RecordType.PIJN, 10));
        assertThat(log.inProgress("06019999", Theme.PIJN)).isTrue();
    }

    @Test
    void redeliveryAndContributionAreByConnectorAndHash() {
        ExtractLog log = new ExtractLog();
        log.add(commit("vbi", "a", RecordType.VBI, 3));
        log.add(commit("opnames", "b", RecordType.ADMISSION, 0));
        assertThat(log.committed("vbi", "a")).isTrue();
        assertThat(log.committed("opnames", "a")).isFalse();
        assertThat(log.contributing("06019999", Theme.VBI)).extracting(ExtractLog.ConnectorHistory::connector)
                .containsExactly("vbi");
        assertThat(log.delivered("06019999", RecordType.ADMISSION)).isFalse();
        log.add(new ExtractCommit("06019999", "opnames", "g.csv", "c", T, T.plusSeconds(1),
                Map.of(RecordType.ADMISSION, new TypeCounts(1, 0, Map.of(ReasonCode.UNPARSABLE, 1L))), SourceReport.NONE));
        assertThat(log.delivered("06019999", RecordType.ADMISSION)).isTrue();
        assertThat(log.contributing("06019999", Theme.VBI)).hasSize(2);
    }

    @Test
    void aConnectorContributesToEveryThemeItEverFedForThatHospital() {
        ExtractLog log = new ExtractLog();
        assertThat(log.themesContributedBy("06019999", "mixed")).isEmpty();
        log.add(commit("mixed", "a", RecordType.VBI, 3));
        log.add(commit("mixed", "b", RecordType.PIJN, 1));
        assertThat(log.themesContributedBy("06019999", "mixed")).containsExactlyInAnyOrder(Theme.VBI, Theme.PIJN);
        log.add(commit("opnames", "c", RecordType.ADMISSION, 1));
        assertThat(log.themesContributedBy("06019999", "opnames")).containsExactly(Theme.VBI);
        log.add(new ExtractCommit("06010000", "elders", "f.csv", "d", T, T, Map.of(RecordType.NUCHTER,
                new TypeCounts(1, 1, Map.of())), SourceReport.NONE));
        assertThat(log.themesContributedBy("06019999", "elders")).isEmpty();
    }
}
