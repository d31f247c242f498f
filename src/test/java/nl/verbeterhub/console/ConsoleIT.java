package nl.verbeterhub.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import nl.verbeterhub.status.HubReadiness;
import nl.verbeterhub.support.HubTestProperties;
import nl.verbeterhub.support.TestKafka;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console of the real hub (test broker), as a browser session without a browser: the login form,
 * who sees which connectors and hospitals, the operators' forms with their CSRF token, and pages that show
 * counts, codes and positions but never a record's content.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleIT {

    static final HubTestProperties HUB = HubTestProperties.create("console");
    static final String AGB = "06010031";
    static final String OTHER = "06010032";
    static final String PASSWORD = "operator-console-password";
    static final String HOSPITAL_USER = "kwaliteit-31";
    static final String HOSPITAL_PASSWORD = "kwaliteit-31-password";

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        HUB.register(registry, TestKafka.bootstrapServers());
        HUB.connector("console-pijn", AGB, "pijn", "PIJN", "");
        HUB.connector("console-nuchter", AGB, "nuchter", "NUCHTER", "");
        HUB.connector("console-vbi", AGB, "vbi", "VBI", "");
        HUB.connector("console-other", OTHER, "other", "VBI", "");
        HUB.connector("console-upload", AGB, "upload", "PIJN", "");
        registry.add("VERBETERHUB_OPERATOR_PASSWORD", () -> PASSWORD);
        String users = ConsoleClient.usersFile(HUB.root().resolve("access"), HOSPITAL_USER, HOSPITAL_PASSWORD, AGB).toString();
        registry.add("hub.access.users-file", () -> users);
    }

    @Autowired
    HubReadiness readiness;
    @LocalServerPort
    int port;

    @BeforeEach
    void ready() throws Exception {
        readiness.awaitReady(Duration.ofSeconds(60));
    }

    @Test
    void theLoginPageIsReachableAndAWrongPasswordStaysOut() {
        ConsoleClient browser = new ConsoleClient(port);
        HttpResponse<String> anonymous = browser.get("/");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        HttpResponse<String> page = browser.get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"username\"", "name=\"password\"", "name=\"_csrf\"");

        HttpResponse<String> wrong = browser.login("operator", "not-the-password");
        assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(browser.get("/login?error").body()).contains("Wrong user name or password");
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
        assertThat(browser.get("/connectors/console-pijn").statusCode()).isEqualTo(302);

        HttpResponse<String> right = browser.login("operator", PASSWORD);
        assertThat(right.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void scriptsStylesAndChartJsAreServedWithoutLogin() {
        ConsoleClient browser = new ConsoleClient(port);
        HttpResponse<String> chart = browser.get("/webjars/chart.js/dist/chart.umd.js");
        assertThat(chart.statusCode()).isEqualTo(200);
        assertThat(chart.body()).contains("Chart");
        assertThat(browser.get("/console.js").statusCode()).isEqualTo(200);
        assertThat(browser.get("/console.css").statusCode()).isEqualTo(200);
    }

    @Test
    void anOperatorSeesEveryHospitalsConnectors() {
        ConsoleClient operator = loggedIn("operator", PASSWORD);
        String overview = operator.get("/").body();
        assertThat(overview).contains("data-connector=\"console-pijn\"", "data-connector=\"console-other\"",
                "/hospitals/" + AGB, "/hospitals/" + OTHER);
        assertThat(operator.get("/connectors/console-other").statusCode()).isEqualTo(200);
        assertThat(operator.get("/hospitals/" + OTHER).statusCode()).isEqualTo(200);
        assertThat(operator.get("/connectors/no-such-connector").statusCode()).isEqualTo(404);
        assertThat(operator.get("/hospitals/09999999").statusCode()).isEqualTo(404);
        assertThat(operator.get("/hospitals/not-an-agb").statusCode()).isEqualTo(404);
    }

    @Test
    void aHospitalUserSeesOnlyTheirHospitalAndMayNotAct() {
        ConsoleClient user = loggedIn(HOSPITAL_USER, HOSPITAL_PASSWORD);
        String overview = user.get("/").body();
        assertThat(overview).contains("data-connector=\"console-pijn\"").doesNotContain("console-other", OTHER);
        assertThat(user.get("/connectors/console-other").statusCode()).isEqualTo(403);
        assertThat(user.get("/hospitals/" + OTHER).statusCode()).isEqualTo(403);
        assertThat(user.get("/hospitals/" + AGB).statusCode()).isEqualTo(200);

        String own = user.get("/connectors/console-pijn").body();
        assertThat(own).doesNotContain("id=\"pause\"", "id=\"run-now\"", "/pause");
        String token = ConsoleClient.csrf(own); // the logout form's: a valid token of this session
        assertThat(user.post("/connectors/console-pijn/pause", Map.of("_csrf", token)).statusCode()).isEqualTo(403);
        assertThat(user.post("/connectors/console-other/pause", Map.of("_csrf", token)).statusCode()).isEqualTo(403);
        assertThat(loggedIn("operator", PASSWORD).get("/connectors/console-pijn").body()).doesNotContain("badge-PAUSED");
    }

    @Test
    void pauseAndResumeThroughTheFormsChangeTheStateShown() {
        ConsoleClient operator = loggedIn("operator", PASSWORD);
        String page = "/connectors/console-nuchter";
        assertThat(operator.get(page).body()).contains("id=\"pause\"");

        HttpResponse<String> paused = operator.submit(page, page + "/pause", Map.of());
        assertThat(paused.statusCode()).isEqualTo(302);
        String after = operator.get(page).body();
        assertThat(after).contains("badge-PAUSED", "id=\"resume\"", "Paused console-nuchter");
        assertThat(operator.get("/").body()).contains("data-connector=\"console-nuchter\" data-state=\"PAUSED\"");

        HttpResponse<String> run = operator.submit(page, page + "/run", Map.of());
        assertThat(run.statusCode()).isEqualTo(302);
        assertThat(operator.get(page).body()).contains("Not applicable");

        assertThat(operator.submit(page, page + "/resume", Map.of()).statusCode()).isEqualTo(302);
        assertThat(operator.get(page).body()).contains("badge-OK", "id=\"pause\"");
        assertThat(operator.get("/").body()).contains("data-connector=\"console-nuchter\" data-state=\"OK\"")
                .contains("Recent operator actions");
    }

    @Test
    void aPostWithoutItsCsrfTokenIsRefused() {
        ConsoleClient operator = loggedIn("operator", PASSWORD);
        assertThat(operator.post("/connectors/console-pijn/pause", Map.of()).statusCode()).isEqualTo(403);
        assertThat(operator.post("/connectors/console-pijn/pause", Map.of("_csrf", "forged")).statusCode()).isEqualTo(403);
        assertThat(operator.get("/connectors/console-pijn").body()).doesNotContain("badge-PAUSED");
    }

    @Test
    void anExtractShowsItsCountsReasonsAndPositionsButNoContent() {
        HubTestProperties.drop(HUB.inbox("pijn"), "pijn.csv", ("measurement_id,patient_id,measured_at,scale,value\n"
                + "CM-1,CONSOLEPAT-1,2025-05-01 08:00,NRS,5\n"
                + "CM-2,CONSOLEPAT-2,2025-05-01 09:00,NRS,2\n"
                + "CM-3,CONSOLEPAT-3,2025-05-01 10:00,NRS,11\n").getBytes(StandardCharsets.UTF_8));
        ConsoleClient user = loggedIn(HOSPITAL_USER, HOSPITAL_PASSWORD);
        await().atMost(Duration.ofSeconds(60)).until(() -> user.get("/connectors/console-pijn").body().contains("data-extract=\"pijn.csv\""));
        String page = user.get("/connectors/console-pijn").body();
        assertThat(page).contains("pijn.csv line 4", "OUT_OF_RANGE", "data-reason=\"OUT_OF_RANGE\"");
        assertThat(page).containsPattern("class=\"num read\">3<").containsPattern("class=\"num accepted\">2<");
        assertThat(user.get("/").body()).contains("pijn.csv");

        await().atMost(Duration.ofSeconds(60)).until(() -> user.get("/hospitals/" + AGB).body().contains("theme-PIJN"));
        String drafts = user.get("/hospitals/" + AGB).body();
        assertThat(drafts).contains("data-chart=\"pijn-shares\"", "<script type=\"application/json\" id=\"chart-data\">",
                "\"pijn-shares\"", "data-indicator=\"painShare\"");
        for (String shown : new String[] {page, drafts, user.get("/").body()}) {
            assertThat(shown).doesNotContain("CONSOLEPAT", "CM-1", "CM-3", "2025-05-01 10:00");
        }
    }

    @Test
    void aFileInErrorIsListedWithItsReasonAndCanBeReprocessed() throws Exception {
        HubTestProperties.drop(HUB.inbox("vbi"), "broken.csv", "foo,bar\n1,2\n".getBytes(StandardCharsets.UTF_8));
        ConsoleClient operator = loggedIn("operator", PASSWORD);
        String page = "/connectors/console-vbi";
        await().atMost(Duration.ofSeconds(60)).until(() -> operator.get(page).body().contains("MISSING_COLUMN"));
        String body = operator.get(page).body();
        String name = body.replaceAll("(?s).*data-error-file=\"([^\"]+broken\\.csv)\".*", "$1");
        assertThat(name).endsWith("-broken.csv");
        assertThat(body).contains("class=\"reprocess\"").doesNotContain("foo,bar");
        assertThat(loggedIn(HOSPITAL_USER, HOSPITAL_PASSWORD).get(page).body()).contains(name)
                .doesNotContain("class=\"reprocess\"");

        HttpResponse<String> reprocessed = operator.submit(page, page + "/reprocess", Map.of("file", name));
        assertThat(reprocessed.statusCode()).isEqualTo(302);
        assertThat(operator.get(page).body()).contains("back into the inbox");
        // still broken: it is read again and goes back to .error/ with a new stamp
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            try (var files = Files.list(HUB.inbox("vbi").resolve(".error"))) {
                return files.anyMatch(p -> p.getFileName().toString().endsWith("broken.csv.reason.txt"));
            }
        });
        HttpResponse<String> gone = operator.submit(page, page + "/reprocess", Map.of("file", "no-such-file.csv"));
        assertThat(gone.statusCode()).isEqualTo(302);
        assertThat(operator.get(page).body()).contains("There is no file no-such-file.csv");
    }

    /** The README's curl line (HTTP Basic, {@code -H "Content-Type: text/csv" --data-binary @file}). */
    @Test
    void anUploadAsTheReadmesCurlSendsItShowsInTheConsole() throws Exception {
        byte[] csv = ("measurement_id,patient_id,measured_at,scale,value\n"
                + "CU-1,CURLPAT-1,2025-06-01 08:00,NRS,4\n"
                + "CU-2,CURLPAT-2,2025-06-01 09:00,NRS,x\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> upload = ConsoleClient.upload(port, "operator", PASSWORD, "console-upload", "pijn.csv", csv,
                "text/csv");
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        String page = loggedIn("operator", PASSWORD).get("/connectors/console-upload").body();
        assertThat(page).contains("data-extract=\"pijn.csv\"", "pijn.csv line 3", "UNPARSABLE")
                .containsPattern("class=\"num read\">2<").doesNotContain("CURLPAT");
    }

    private ConsoleClient loggedIn(String user, String password) {
        ConsoleClient client = new ConsoleClient(port);
        HttpResponse<String> login = client.login(user, password);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        return client;
    }
}
