package nl.verbeterhub.remote.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.verbeterhub.connector.Connectors;
import nl.verbeterhub.extract.ExtractCommit;
import nl.verbeterhub.extract.ExtractLog;
import nl.verbeterhub.extract.SourceReport;
import nl.verbeterhub.failure.FailureClassifier;
import nl.verbeterhub.status.ConnectorStatus;
import nl.verbeterhub.status.HubReadiness;
import nl.verbeterhub.remote.PullStatus;
import org.junit.jupiter.api.Test;

/** The watermark comes from the committed runs only, less the overlap. */
class FhirServerPullTests {

    private static final Instant T = Instant.parse("2026-12-04T05:00:00.123Z");

    private static ExtractCommit commit(String sha, Instant committedAt, Instant transactionTime) {
        return new ExtractCommit("06019999", "server", "x", sha, committedAt, committedAt, Map.of(),
                new SourceReport(Map.of(), 0, List.of(), 0, transactionTime));
    }

    @Test
    void theLatestCommittedRunsStartLessTheOverlapAndNoOtherExtract() {
        ExtractLog log = new ExtractLog();
        FhirServerPull pull = new FhirServerPull(new Connectors(List.of()), log, new HubReadiness(),
                new PullStatus(new ConnectorStatus(), new FailureClassifier(), Clock.systemUTC()), k -> null, Clock.systemUTC(),
                Duration.ofMinutes(1), List.of());
        assertThat(pull.watermark("server")).as("no run yet: a full read").isEmpty();

        log.add(commit("run-" + "a".repeat(64), T.plusSeconds(5), T));
        log.add(commit("run-" + "b".repeat(64), T.plusSeconds(3605), T.plusSeconds(3600)));
        // An upload into the same inbox (a manifest's transaction time) is no run: it sets no watermark.
        log.add(commit("c".repeat(64), T.plusSeconds(7200), T.plusSeconds(7100)));

        assertThat(pull.watermark("server")).contains(T.plusSeconds(3600).minusSeconds(60));
    }
}
