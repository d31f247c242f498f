package nl.verbeterhub.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import nl.verbeterhub.admission.Admissions;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.connector.ConnectorType;
import nl.verbeterhub.connector.Connectors;
import nl.verbeterhub.connector.SourceSettings;
import nl.verbeterhub.extract.ExtractCommit;
import nl.verbeterhub.extract.ExtractLog;
import nl.verbeterhub.extract.SourceReport;
import nl.verbeterhub.extract.TypeCounts;
import nl.verbeterhub.extract.UnusableFileException;
import nl.verbeterhub.status.ConnectorStatus;
import nl.verbeterhub.inbox.InboxHandler;
import nl.verbeterhub.record.ReasonCode;
import nl.verbeterhub.support.MovableClock;
import nl.verbeterhub.theme.pijn.PainTheme;
import nl.verbeterhub.theme.vbi.VbiTheme;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hub's metrics after simulated events: counts, reason codes only, the gauges. */
class HubMetricsTests {

    static final Instant T = Instant.parse("2026-03-02T05:00:00Z");

    @TempDir
    Path dir;

    static ConnectorConfig connector(String id, String agb, Path inbox) {
        return new ConnectorConfig(id, agb, "Z", ConnectorType.CSV_INBOX, inbox, false, Set.of(), Duration.ofSeconds(1),
                new SourceSettings.Csv(Optional.empty(), Charset.forName("UTF-8"), Map.of()), inbox.resolve("c.yaml"));
    }

    static ExtractCommit commit(ConnectorConfig c, Instant at) {
        return new ExtractCommit(c.agb(), c.id(), "pijn.csv", "ab".repeat(32), at, at, Map.of(
                PainTheme.PIJN, new TypeCounts(10, 7, Map.of(ReasonCode.UNPARSABLE, 2L, ReasonCode.OUT_OF_RANGE, 1L)),
                Admissions.ADMISSION, new TypeCounts(4, 4, Map.of())), SourceReport.NONE);
    }

    @Test
    void countsCommitsRedeliveriesRecordsAndDrafts() {
        MeterRegistry registry = new SimpleMeterRegistry();
        ConnectorConfig pijn = connector("pijn", "06019999", dir);
        ConnectorConfig vbi = connector("vbi", "06010001", dir);
        HubMetrics metrics = new HubMetrics(registry, new Connectors(List.of(pijn, vbi)), new ExtractLog());

        metrics.committed(pijn, commit(pijn, T), Duration.ofMillis(1500), T);
        metrics.committed(pijn, commit(pijn, T), Duration.ofMillis(500), T.plusSeconds(60));
        metrics.redelivered(pijn, Duration.ofMillis(10), T.plusSeconds(120));
        metrics.failed(pijn, Duration.ofMillis(20));
        metrics.draftPublished(PainTheme.THEME);
        metrics.draftPublished(PainTheme.THEME);
        metrics.draftTombstoned(VbiTheme.THEME);

        assertThat(registry.get(HubMetrics.COMMITTED).tags("connector", "pijn", "agb", "06019999").counter().count())
                .isEqualTo(2);
        assertThat(registry.get(HubMetrics.COMMITTED).tags("connector", "vbi").counter().count()).isZero();
        assertThat(registry.get(HubMetrics.REDELIVERED).tags("connector", "pijn").counter().count()).isEqualTo(1);
        assertThat(registry.get(HubMetrics.RECORDS_READ).tags("connector", "pijn", "type", "PIJN").counter().count())
                .isEqualTo(20);
        assertThat(registry.get(HubMetrics.RECORDS_ACCEPTED).tags("type", "ADMISSION").counter().count()).isEqualTo(8);
        assertThat(registry.get(HubMetrics.RECORDS_REJECTED).tags("type", "PIJN", "reason", "UNPARSABLE").counter()
                .count()).isEqualTo(4);
        assertThat(registry.get(HubMetrics.RECORDS_REJECTED).tags("reason", "OUT_OF_RANGE").counter().count())
                .isEqualTo(2);
        assertThat(registry.find(HubMetrics.RECORDS_REJECTED).tags("type", "ADMISSION").counters()).isEmpty();
        assertThat(registry.get(HubMetrics.PROCESSING).tags("connector", "pijn", "outcome", "committed").timer()
                .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(2000);
        assertThat(registry.get(HubMetrics.PROCESSING).tags("outcome", "redelivered").timer().count()).isEqualTo(1);
        assertThat(registry.get(HubMetrics.PROCESSING).tags("outcome", "failed").timer().count()).isEqualTo(1);
        assertThat(registry.get(HubMetrics.LAST_SUCCESS).tags("connector", "pijn").gauge().value())
                .isEqualTo(T.plusSeconds(120).getEpochSecond());
        assertThat(registry.get(HubMetrics.LAST_SUCCESS).tags("connector", "vbi").gauge().value()).isNaN();
        assertThat(registry.get(HubMetrics.DRAFTS_PUBLISHED).tags("theme", "PIJN").counter().count()).isEqualTo(2);
        assertThat(registry.get(HubMetrics.DRAFTS_TOMBSTONED).tags("theme", "VBI").counter().count()).isEqualTo(1);
    }

    @Test
    void lastSuccessSurvivesARestartThroughTheExtractLogAndLatenessIsPluggedIn() {
        MeterRegistry registry = new SimpleMeterRegistry();
        ConnectorConfig pijn = connector("pijn", "06019999", dir);
        ConnectorConfig vbi = connector("vbi", "06010001", dir);
        ExtractLog log = new ExtractLog();
        log.add(commit(pijn, T));
        HubMetrics metrics = new HubMetrics(registry, new Connectors(List.of(pijn, vbi)), log);

        assertThat(registry.get(HubMetrics.LAST_SUCCESS).tags("connector", "pijn").gauge().value())
                .isEqualTo(T.getEpochSecond());
        assertThat(registry.get(HubMetrics.LATE).tags("connector", "vbi").gauge().value()).isZero();
        metrics.lateness(connector -> connector.equals("vbi") ? 1 : 0);
        assertThat(registry.get(HubMetrics.LATE).tags("connector", "vbi").gauge().value()).isEqualTo(1);
        assertThat(registry.get(HubMetrics.LATE).tags("connector", "pijn").gauge().value()).isZero();
    }

    @Test
    void aFileToErrorIsCountedByItsReasonCodeNeverItsText() throws Exception {
        MeterRegistry registry = new SimpleMeterRegistry();
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        ConnectorConfig pijn = connector("pijn", "06019999", inbox);
        HubMetrics metrics = new HubMetrics(registry, new Connectors(List.of(pijn)), new ExtractLog());
        InboxHandler handler = new InboxHandler(new Connectors(List.of(pijn)), null, null, new ConnectorStatus(),
                new MovableClock(T), metrics);
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            handler.quarantine(poison(camel, inbox, "a.csv",
                    new UnusableFileException(UnusableFileException.Reason.NOT_TEXT, "line 3 is not UTF-8")));
            handler.quarantine(poison(camel, inbox, "b.csv", new IllegalStateException("secret patient 123")));
        }

        assertThat(registry.get(HubMetrics.QUARANTINED).tags("connector", "pijn", "reason", "NOT_TEXT").counter()
                .count()).isEqualTo(1);
        assertThat(registry.get(HubMetrics.QUARANTINED).tags("reason", "INTERNAL_ERROR").counter().count()).isEqualTo(1);
        assertThat(registry.find(HubMetrics.QUARANTINED).counters()).hasSize(2);
        assertThat(HubMetrics.reasonCode("UNKNOWN_HEADER: column x")).isEqualTo("UNKNOWN_HEADER");
        assertThat(HubMetrics.reasonCode("Something: else")).isEqualTo("INTERNAL_ERROR");
        assertThat(HubMetrics.reasonCode(null)).isEqualTo("UNKNOWN");
    }

    @Test
    void prometheusNamesAreTheDocumentedOnes() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ConnectorConfig pijn = connector("pijn", "06019999", dir);
        HubMetrics metrics = new HubMetrics(registry, new Connectors(List.of(pijn)), new ExtractLog());
        metrics.committed(pijn, commit(pijn, T), Duration.ofSeconds(2), T);
        metrics.draftPublished(PainTheme.THEME);
        String scrape = registry.scrape();
        assertThat(scrape).contains(
                "verbeterhub_extracts_committed_total{agb=\"06019999\",connector=\"pijn\"} 1.0",
                "verbeterhub_records_rejected_total{agb=\"06019999\",connector=\"pijn\",reason=\"UNPARSABLE\",type=\"PIJN\"} 2.0",
                "verbeterhub_connector_last_success_seconds{agb=\"06019999\",connector=\"pijn\"} " + (double) T.getEpochSecond(),
                "verbeterhub_connector_late{agb=\"06019999\",connector=\"pijn\"} 0.0",
                "verbeterhub_extract_processing_seconds_count{agb=\"06019999\",connector=\"pijn\",outcome=\"committed\"} 1",
                "verbeterhub_drafts_published_total{theme=\"PIJN\"} 1.0");
    }

    private static Exchange poison(DefaultCamelContext camel, Path inbox, String name, Exception cause)
            throws IOException {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getIn().setHeader(InboxHandler.CONNECTOR_HEADER, "pijn");
        exchange.getIn().setBody(Files.writeString(inbox.resolve(name), "x").toFile());
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, cause);
        return exchange;
    }
}
