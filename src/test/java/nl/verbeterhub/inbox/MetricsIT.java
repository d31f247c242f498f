package nl.verbeterhub.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.verbeterhub.status.HubReadiness;
import nl.verbeterhub.support.HubTestProperties;
import nl.verbeterhub.support.InboxFolders;
import nl.verbeterhub.support.TestKafka;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real hub's {@code /actuator/prometheus}, scraped without credentials after one extract with a
 * rejected row and one unusable file: the hub's own counters and gauges, and Camel's route metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false) // a @SpringBootTest leaves metrics export off unless asked
class MetricsIT {

    static final HubTestProperties HUB = HubTestProperties.create("metrics");
    static final String AGB = "06010017";
    static final String TAGS = "agb=\"" + AGB + "\",connector=\"metrics-pijn\"";

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        HUB.register(registry, TestKafka.bootstrapServers());
        HUB.connector("metrics-pijn", AGB, "pijn", "PIJN", "");
    }

    @Autowired
    HubReadiness readiness;
    @LocalServerPort
    int port;

    @Test
    void anExtractShowsInThePrometheusScrape() throws Exception {
        readiness.awaitReady(Duration.ofSeconds(60));
        long before = Instant.now().getEpochSecond();
        HubTestProperties.drop(HUB.inbox("pijn"), "pijn.csv", ("measurement_id,patient_id,measured_at,scale,value\n"
                + "ME-1,MEPAT-1,2025-05-01 08:00,NRS,5\n"
                + "ME-2,MEPAT-2,2025-05-01 09:00,NRS,2\n"
                + "ME-3,MEPAT-3,2025-05-01 10:00,NRS,11\n").getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(60)).until(() -> HUB.inbox("pijn").resolve(".done").toFile().isDirectory()
                && InboxFolders.inDone(HUB.inbox("pijn"), "pijn.csv"));
        HubTestProperties.drop(HUB.inbox("pijn"), "other.csv", "foo,bar\n1,2\n".getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(60)).until(() -> HUB.inbox("pijn").resolve(".error").toFile().isDirectory()
                && InboxFolders.reasonFor(HUB.inbox("pijn"), "other.csv").startsWith("MISSING_COLUMN"));
        // drafts are regenerated after the file is archived
        await().atMost(Duration.ofSeconds(60)).until(() -> value(scrape().body(),
                "verbeterhub_drafts_published_total{theme=\"PIJN\"}") >= 1);

        HttpResponse<String> response = scrape();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        String scrape = response.body();
        assertThat(value(scrape, "verbeterhub_extracts_committed_total{" + TAGS + "}")).isEqualTo(1);
        assertThat(value(scrape, "verbeterhub_extracts_redelivered_total{" + TAGS + "}")).isZero();
        assertThat(value(scrape, "verbeterhub_records_read_total{" + TAGS + ",type=\"PIJN\"}")).isEqualTo(3);
        assertThat(value(scrape, "verbeterhub_records_accepted_total{" + TAGS + ",type=\"PIJN\"}")).isEqualTo(2);
        assertThat(value(scrape, "verbeterhub_records_rejected_total{" + TAGS + ",reason=\"OUT_OF_RANGE\",type=\"PIJN\"}"))
                .isEqualTo(1);
        assertThat(value(scrape, "verbeterhub_extracts_quarantined_total{" + TAGS + ",reason=\"MISSING_COLUMN\"}"))
                .isEqualTo(1);
        assertThat(value(scrape, "verbeterhub_connector_last_success_seconds{" + TAGS + "}"))
                .isGreaterThanOrEqualTo(before).isLessThanOrEqualTo(Instant.now().getEpochSecond() + 1);
        assertThat(value(scrape, "verbeterhub_connector_late{" + TAGS + "}")).isZero();
        assertThat(value(scrape, "verbeterhub_extract_processing_seconds_count{" + TAGS + ",outcome=\"committed\"}"))
                .isEqualTo(1);
        assertThat(value(scrape, "verbeterhub_drafts_published_total{theme=\"PIJN\"}")).isGreaterThanOrEqualTo(1);
        assertThat(scrape).contains("verbeterhub_health ");
        // Camel's route policy: exchanges of the connector's inbox route (the good file and the unusable one)
        assertThat(scrape).containsPattern("camel_exchanges_total\\{[^}]*routeId=\"inbox-metrics-pijn\"[^}]*} [1-9]");
        assertThat(scrape).contains("camel_route_policy_seconds_count{");
        // no free text in tags: the unusable file's name and its detail are nowhere
        assertThat(scrape).doesNotContain("other.csv");
    }

    private HttpResponse<String> scrape() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(20)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The value of one series of a scrape; NaN when it is not there. */
    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }
}
