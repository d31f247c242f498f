package nl.verbeterhub.draft;

import nl.verbeterhub.json.HubJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.verbeterhub.csv.CsvExtractReader;
import nl.verbeterhub.csv.CsvRecordSource;
import nl.verbeterhub.extract.ExtractIngest;
import nl.verbeterhub.extract.ExtractLog;
import nl.verbeterhub.extract.ExtractSource;
import nl.verbeterhub.extract.Sha256;
import nl.verbeterhub.extract.StoreSink;
import nl.verbeterhub.pseudonym.PseudonymSecret;
import nl.verbeterhub.state.RecordStore;
import nl.verbeterhub.support.MovableClock;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.Themes;
import nl.verbeterhub.theme.pijn.PainScales;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At 00:00 on 1 January in Amsterdam the year that ended becomes complete (domain.md §4): the
 * regeneration publishes it again, and only then; unchanged drafts are not published twice.
 */
class YearEndTests {

    @TempDir
    Path dir;

    @Test
    void theEndedYearIsRepublishedAsCompleteAtMidnightInAmsterdam() throws Exception {
        MovableClock clock = new MovableClock(Instant.parse("2026-12-31T22:59:00Z")); // 23:59 in Amsterdam
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
            CsvExtractReader.Options csv = new CsvExtractReader.Options(StandardCharsets.UTF_8, 1 << 20, Map.of(), Optional.empty());
            var ingest = new ExtractIngest(store, PseudonymSecret.of("year-end-secret-0123"), 100, Themes.parsers(PainScales.defaults()), clock);
            try (StoreSink sink = new StoreSink(store, r -> { }); var records = new CsvRecordSource(file, "pijn.csv", csv)) {
                log.add(ingest.ingest(new ExtractSource("06019999", "c", "pijn.csv", Sha256.of(file), clock.instant(), false,
                        Set.of()), records, sink));
            }
            DraftBuilder builder = new DraftBuilder(store, log, Themes.calculators(PainScales.defaults()), 1, agb -> "Z");
            PublishedDrafts published = new PublishedDrafts();
            // A draft another instance published for a theme this one does not register: left alone, no failure.
            published.published(new Draft("06019999", Theme.define("ANDERS", "elders geregistreerd"), 2026,
                    HubJson.MAPPER.createObjectNode(), "hash", clock.instant()));
            DraftService drafts = new DraftService(builder, new DraftPublisher(camel.createProducerTemplate(), "urn:test"),
                    published, store, log, clock);
            MockEndpoint mock = camel.getEndpoint("mock:drafts", MockEndpoint.class);

            drafts.regenerateAll();
            mock.expectedMessageCount(1);
            mock.assertIsSatisfied();
            assertThat(complete(mock, 0)).isFalse();

            clock.now = Instant.parse("2026-12-31T22:59:59Z");
            drafts.regenerateWhenYearTurned();
            assertThat(mock.getReceivedCounter()).as("still 2026 in Amsterdam: nothing new").isEqualTo(1);

            clock.now = Instant.parse("2026-12-31T23:00:00Z"); // 00:00 on 1 January 2027 in Amsterdam
            drafts.regenerateWhenYearTurned();
            assertThat(mock.getReceivedCounter()).isEqualTo(2);
            assertThat(complete(mock, 1)).isTrue();
            assertThat(mock.getReceivedExchanges().get(1).getIn().getHeader(KafkaConstants.KEY)).isEqualTo("06019999:PIJN:2026");

            drafts.regenerateWhenYearTurned();
            assertThat(mock.getReceivedCounter()).as("no second new year").isEqualTo(2);
            assertThat(published.hash("06019999:ANDERS:2026")).isEqualTo("hash");
        }
    }

    private static boolean complete(MockEndpoint mock, int index) throws Exception {
        byte[] body = mock.getReceivedExchanges().get(index).getIn().getBody(byte[].class);
        return HubJson.MAPPER.readTree(body).at("/period/complete").asBoolean();
    }
}
