package nl.verbeterhub.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.verbeterhub.extract.ExtractLog;
import nl.verbeterhub.theme.DeliveredTypes;
import nl.verbeterhub.csv.CsvExtractReader;
import nl.verbeterhub.csv.CsvRecordSource;
import nl.verbeterhub.draft.DraftBuilder;
import nl.verbeterhub.draft.DraftPublisher;
import nl.verbeterhub.draft.DraftService;
import nl.verbeterhub.draft.PublishedDrafts;
import nl.verbeterhub.extract.ExtractIngest;
import nl.verbeterhub.extract.ExtractSource;
import nl.verbeterhub.extract.StoreSink;
import nl.verbeterhub.status.ConnectorStatus;
import nl.verbeterhub.pseudonym.PseudonymSecret;
import nl.verbeterhub.state.RecordStore;
import nl.verbeterhub.support.MovableClock;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.ThemeCalculator;
import nl.verbeterhub.theme.ThemeYear;
import nl.verbeterhub.theme.Themes;
import nl.verbeterhub.theme.pijn.PainScales;
import nl.verbeterhub.theme.pijn.PainTheme;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regenerating drafts after a committed extract is a step of its own: a failure there is owed and
 * retried with back-off, shown in health meanwhile, and never thrown back at the route (which would
 * handle the archived file as poison).
 */
class DraftRegenerationTests {

    private static final String AGB = "06019999";

    @TempDir
    Path dir;

    /** The real PIJN calculator, failing while the test says so. */
    private static final class Flaky implements ThemeCalculator {
        final ThemeCalculator real = Themes.calculators(PainScales.defaults()).get(PainTheme.THEME);
        boolean failing = true;

        @Override
        public Theme theme() {
            return PainTheme.THEME;
        }

        @Override
        public SortedMap<Integer, ? extends ThemeYear> compute(RecordStore store, String agb, DeliveredTypes delivered) {
            if (failing) throw new IllegalStateException("a fault in a calculator");
            return real.compute(store, agb, delivered);
        }
    }

    @Test
    void aFailedRegenerationIsOwedShownAndRetriedUntilTheDraftIsPublished() throws Exception {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-21T01:00:00Z"));
        try (RecordStore store = RecordStore.open(dir.resolve("state"), 8L << 20);
             DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(DraftPublisher.ENDPOINT).to("mock:drafts");
                }
            });
            camel.start();
            ExtractLog log = new ExtractLog();
            Path file = Files.writeString(dir.resolve("pijn.csv"),
                    "measurement_id,patient_id,measured_at,scale,value\nm1,p1,2026-06-01 08:00,NRS,5\n", StandardCharsets.UTF_8);
            var ingest = new ExtractIngest(store, PseudonymSecret.of("regeneration-secret-01"), 100,
                    Themes.parsers(PainScales.defaults()), clock);
            try (StoreSink sink = new StoreSink(store, r -> { });
                 var records = new CsvRecordSource(file, "pijn.csv",
                         new CsvExtractReader.Options(StandardCharsets.UTF_8, 1 << 20, Map.of(), Optional.empty()))) {
                log.add(ingest.ingest(new ExtractSource(AGB, "pijn", "pijn.csv", "sha", clock.instant(), false, Set.of()),
                        records, sink));
            }
            Flaky flaky = new Flaky();
            Map<Theme, ThemeCalculator> calculators = new TreeMap<>(Themes.calculators(PainScales.defaults()));
            calculators.put(PainTheme.THEME, flaky);
            DraftService drafts = new DraftService(new DraftBuilder(store, log, calculators, 1, agb -> "Z"),
                    new DraftPublisher(camel.createProducerTemplate(), "urn:test"), new PublishedDrafts(), store, log, clock);
            ConnectorStatus status = new ConnectorStatus();
            DraftRegeneration regeneration = new DraftRegeneration((offsets, timeout) -> { }, drafts, status, clock,
                    Duration.ofSeconds(30));
            MockEndpoint published = camel.getEndpoint("mock:drafts", MockEndpoint.class);
            ExtractOutcome outcome = new ExtractOutcome(AGB, "sha", false, Set.of(PainTheme.THEME), Map.of(), null);

            regeneration.afterExtract("pijn", outcome);
            assertThat(regeneration.owed()).containsExactly(AGB);
            assertThat(status.draftsFailing("pijn")).isTrue();
            assertThat(status.details("pijn")).containsKey("draftRegeneration");
            assertThat(published.getReceivedCounter()).isZero();

            assertThat(regeneration.retryDue()).as("not due before its back-off").isZero();
            clock.advance(Duration.ofSeconds(1));
            assertThat(regeneration.retryDue()).as("still failing").isZero();
            assertThat(regeneration.owed()).containsExactly(AGB);

            flaky.failing = false;
            clock.advance(Duration.ofSeconds(1));
            assertThat(regeneration.retryDue()).as("the back-off doubled to two seconds").isZero();
            clock.advance(Duration.ofSeconds(1));
            assertThat(regeneration.retryDue()).isEqualTo(1);
            assertThat(regeneration.owed()).isEmpty();
            assertThat(status.draftsFailing("pijn")).isFalse();
            assertThat(published.getReceivedCounter()).isEqualTo(1);
        }
    }
}
