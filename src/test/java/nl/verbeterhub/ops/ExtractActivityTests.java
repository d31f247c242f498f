package nl.verbeterhub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import nl.verbeterhub.extract.ExtractSink;
import nl.verbeterhub.extract.Position;
import nl.verbeterhub.extract.Rejection;
import nl.verbeterhub.record.ReasonCode;
import nl.verbeterhub.state.StateKey;
import nl.verbeterhub.theme.pijn.PainTheme;
import org.junit.jupiter.api.Test;

/** What operators see of an extract while it is read and after: records so far, its first rejections. */
class ExtractActivityTests {

    private static final class Recording implements ExtractSink {
        final List<String> seen = new ArrayList<>();

        @Override
        public void put(StateKey key, byte[] storedRecord) {
            seen.add("put");
        }

        @Override
        public void remove(StateKey key) {
            seen.add("remove");
        }

        @Override
        public void reject(Rejection rejection) {
            seen.add("reject");
        }
    }

    private static Rejection rejection(long line) {
        return new Rejection("06010001", "pijn", "pijn.csv", "abc", Position.line("pijn.csv", line), PainTheme.PIJN, null,
                ReasonCode.OUT_OF_RANGE, "value", false);
    }

    @Test
    void countsRecordsWhileReadingAndKeepsTheFirstRejectionsAfter() {
        ExtractActivity activity = new ExtractActivity(Clock.fixed(Instant.parse("2026-12-04T01:00:00Z"), ZoneOffset.UTC));
        Recording sink = new Recording();
        ExtractSink observed = activity.observe("pijn", "pijn.csv", "abc", sink);
        StateKey key = new StateKey("06010001", PainTheme.PIJN, "k");
        for (int i = 0; i < 3; i++) observed.put(key, new byte[0]);
        for (int i = 0; i < ExtractActivity.SAMPLES + 5; i++) observed.reject(rejection(i + 2));
        observed.remove(key);

        assertThat(sink.seen).as("everything still reaches the real sink").hasSize(3 + ExtractActivity.SAMPLES + 5 + 1);
        assertThat(activity.running("pijn")).get().satisfies(r -> {
            assertThat(r.name()).isEqualTo("pijn.csv");
            assertThat(r.records()).isEqualTo(3 + ExtractActivity.SAMPLES + 5);
        });
        activity.finished("pijn");
        assertThat(activity.running("pijn")).isEmpty();
        assertThat(activity.rejections("pijn", "abc")).hasSize(ExtractActivity.SAMPLES)
                .first().satisfies(r -> assertThat(r.position().index()).isEqualTo(2));
        assertThat(activity.rejections("pijn", "other")).isEmpty();
    }

    @Test
    void onlyTheLatestTwentyExtractsOfAConnectorKeepTheirSamples() {
        ExtractActivity activity = new ExtractActivity(Clock.systemUTC());
        for (int i = 0; i < 25; i++) {
            activity.observe("pijn", "x", "sha-" + i, new Recording()).reject(rejection(2));
            activity.finished("pijn");
        }
        assertThat(activity.rejections("pijn", "sha-0")).isEmpty();
        assertThat(activity.rejections("pijn", "sha-24")).hasSize(1);
    }
}
