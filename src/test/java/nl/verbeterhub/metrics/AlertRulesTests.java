package nl.verbeterhub.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.connector.Connectors;
import nl.verbeterhub.extract.ExtractLog;
import nl.verbeterhub.theme.pijn.PainTheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.actuate.health.HealthEndpoint;

/** The sample alert rules name only metrics the hub really registers, under their Prometheus names. */
class AlertRulesTests {

    private static final Pattern METRIC = Pattern.compile("\\b(verbeterhub_[a-z_]+)\\b");

    @TempDir
    Path dir;

    @Test
    void everyMetricAnAlertRuleNamesIsOneTheHubRegisters() throws Exception {
        JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(Path.of("ops/prometheus/alerts.yml").toFile());
        List<String> alerts = new ArrayList<>();
        Set<String> named = new LinkedHashSet<>();
        for (JsonNode group : rules.get("groups")) {
            for (JsonNode rule : group.get("rules")) {
                alerts.add(rule.get("alert").asText());
                assertThat(rule.at("/labels/severity").asText()).isIn("critical", "warning");
                assertThat(rule.at("/annotations/summary").asText()).isNotBlank();
                Matcher m = METRIC.matcher(rule.get("expr").asText());
                while (m.find()) named.add(m.group(1));
            }
        }
        assertThat(alerts).contains("VerbeterhubDown", "VerbeterhubConnectorLate", "VerbeterhubNoExtractFor26Hours");
        assertThat(named).contains("verbeterhub_health", "verbeterhub_connector_late",
                "verbeterhub_connector_last_success_seconds");

        Set<String> scraped = scrapedNames();
        assertThat(scraped).containsAll(named);
    }

    /** The metric names of a scrape of a hub's registry after one of each event. */
    private Set<String> scrapedNames() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ConnectorConfig pijn = HubMetricsTests.connector("pijn", "06019999", dir);
        HubMetrics metrics = new HubMetrics(registry, new Connectors(List.of(pijn)), new ExtractLog());
        Instant now = Instant.now();
        metrics.committed(pijn, HubMetricsTests.commit(pijn, now), Duration.ofSeconds(1), now);
        metrics.redelivered(pijn, Duration.ofSeconds(1), now);
        metrics.quarantined(pijn, "NOT_TEXT");
        metrics.draftPublished(PainTheme.THEME);
        metrics.draftTombstoned(PainTheme.THEME);
        // no health endpoint in this bean factory: the gauge is there, NaN
        new HealthGauge(new DefaultListableBeanFactory().getBeanProvider(HealthEndpoint.class)).bindTo(registry);
        Set<String> names = new LinkedHashSet<>();
        for (String line : registry.scrape().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            int end = line.indexOf('{');
            names.add(line.substring(0, end < 0 ? line.indexOf(' ') : end));
        }
        return names;
    }
}
