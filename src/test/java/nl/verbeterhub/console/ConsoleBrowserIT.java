package nl.verbeterhub.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.verbeterhub.status.HubReadiness;
import nl.verbeterhub.support.HubTestProperties;
import nl.verbeterhub.support.TestKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console in a real headless Chromium (Debian's {@code chromium} and {@code chromedriver}, which
 * {@code .ci/run} installs; skipped without them, never downloaded): the example connectors, an upload
 * through the API whose counts and rejection reasons appear on the open page, pause and resume with the
 * buttons, the drafts' charts drawn, and a hospital user who sees only their hospital. Screenshots in
 * {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleBrowserIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final HubTestProperties HUB = HubTestProperties.create("browser");
    static final String AGB = "06019999";
    static final String OTHER = "06010041";
    static final String PASSWORD = "operator-browser-password";
    static final String HOSPITAL_USER = "kwaliteit-voorbeeld";
    static final String HOSPITAL_PASSWORD = "kwaliteit-voorbeeld-password";
    static final Duration PATIENCE = Duration.ofSeconds(60);

    static WebDriver browser;
    /** Held: no CDP is used, so Selenium's warning that it has none for this Chromium is noise. */
    static final Logger SELENIUM = Logger.getLogger("org.openqa.selenium");

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) throws IOException {
        HUB.register(registry, TestKafka.bootstrapServers());
        exampleConnectors();
        Files.writeString(HUB.root().resolve("connectors/anna-vbi.yaml"), "id: anna-vbi\nhospital:\n  agb: \"" + OTHER
                + "\"\n  name: Sint Annaziekenhuis\ninbox: " + HUB.inbox("anna-vbi").toString().replace("\\", "/")
                + "\nrecordType: VBI\n");
        registry.add("VERBETERHUB_OPERATOR_PASSWORD", () -> PASSWORD);
        String users = ConsoleClient.usersFile(HUB.root().resolve("access"), HOSPITAL_USER, HOSPITAL_PASSWORD, AGB).toString();
        registry.add("hub.access.users-file", () -> users);
    }

    /** The repository's example connectors, their inboxes moved under this run's data folder. */
    private static void exampleConnectors() throws IOException {
        Files.createDirectories(HUB.root().resolve("connectors"));
        try (var files = Files.list(Path.of("connectors"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                String yaml = Files.readString(file).replaceAll("(?m)^inbox: data/inbox/(\\w+)\\s*$",
                        "inbox: " + HUB.root().resolve("data/inbox").toString().replace("\\", "/") + "/$1");
                Files.writeString(HUB.root().resolve("connectors").resolve(file.getFileName()), yaml);
            }
        }
    }

    @BeforeAll
    static void chromium() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
        // Both paths given: Selenium Manager never runs, nothing is downloaded.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        SELENIUM.setLevel(Level.SEVERE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,800", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        // a viewport of 1280 × 800 (the window is larger by its own frame)
        Number frame = (Number) ((JavascriptExecutor) browser).executeScript("return window.outerHeight - window.innerHeight;");
        browser.manage().window().setSize(new Dimension(1280, 800 + frame.intValue()));
    }

    @AfterAll
    static void close() {
        if (browser != null) browser.quit();
    }

    @Autowired
    HubReadiness readiness;
    @LocalServerPort
    int port;

    @Test
    void anOperatorWatchesAnUploadPausesAConnectorAndSeesTheChartsAHospitalUserSeesOnlyTheirs() throws Exception {
        readiness.awaitReady(PATIENCE);
        for (String type : List.of("vbi", "nuchter", "opnames")) {
            Path sample = Path.of("samples", type + "-2026-11-20.csv");
            HubTestProperties.drop(HUB.inbox(type), sample.getFileName().toString(), Files.readAllBytes(sample));
        }

        // log in as the operator: every example connector, and the other hospital's
        open("/");
        logIn("operator", PASSWORD);
        waitFor(d -> rows().size() == 10);
        assertThat(rows()).contains("voorbeeld-vbi-csv", "voorbeeld-nuchter-csv", "voorbeeld-pijn-csv",
                "voorbeeld-opnames-csv", "voorbeeld-fhir", "voorbeeld-kwetsbaar-csv", "voorbeeld-antistolling-csv",
                "voorbeeld-diagnostiek-csv", "voorbeeld-eigen-csv", "anna-vbi");

        // the pijn connector's page is open when an extract with rejected rows is uploaded through the API
        open("/connectors/voorbeeld-pijn-csv");
        assertThat(text("#extracts")).contains("No extract committed yet");
        HttpResponse<String> upload = ConsoleClient.upload(port, "operator", PASSWORD, "voorbeeld-pijn-csv", "pijn.csv",
                Files.readAllBytes(Path.of("samples", "pijn-2026-11-20.csv")));
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        waitFor(d -> !d.findElements(By.cssSelector("#extracts tr[data-extract='pijn.csv']")).isEmpty());
        assertThat(text("#extracts tr[data-extract='pijn.csv'] td.read")).isEqualTo("65");
        assertThat(text("#extracts tr[data-extract='pijn.csv'] td.accepted")).isEqualTo("62");
        assertThat(text("#extracts tr[data-extract='pijn.csv'] td.rejected")).isEqualTo("3");
        waitFor(d -> d.findElements(By.cssSelector("#reasons tr[data-reason]")).size() == 3);
        assertThat(text("#reasons")).contains("UNPARSABLE", "UNKNOWN_SCALE", "OUT_OF_RANGE");
        assertThat(text("#rejections")).contains("pijn.csv line 64", "pijn.csv line 65", "pijn.csv line 66", "scale");
        screenshot("connector", true);

        // pause and resume with the buttons
        browser.findElement(By.id("pause")).click();
        waitFor(d -> text("#state").equals("PAUSED") && !d.findElements(By.id("resume")).isEmpty());
        assertThat(text("#notice")).contains("Paused voorbeeld-pijn-csv");
        browser.findElement(By.id("resume")).click();
        waitFor(d -> text("#state").equals("OK") && !d.findElements(By.id("pause")).isEmpty());
        // the FHIR connector stays paused: the overview lists it first, in its colour
        open("/connectors/voorbeeld-fhir");
        browser.findElement(By.id("pause")).click();
        waitFor(d -> text("#state").equals("PAUSED"));
        open("/");
        waitFor(d -> browser.findElements(By.cssSelector("tr[data-connector] td.read")).size() == 4);
        assertThat(rows().get(0)).isEqualTo("voorbeeld-fhir");
        assertThat(text("tr[data-connector='voorbeeld-pijn-csv'] td.rejected")).isEqualTo("3");
        screenshot("overview", false);

        // the hospital's drafts: each chart drawn by Chart.js on a canvas with a size
        open("/hospitals/" + AGB);
        waitFor(d -> d.findElements(By.cssSelector("canvas[data-chart]")).size() == 5);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> charts = (List<Map<String, Object>>) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('canvas[data-chart]')).map(c => ({id: c.dataset.chart,"
                        + " width: c.clientWidth, height: c.clientHeight, drawn: Chart.getChart(c) != null,"
                        + " series: Chart.getChart(c) ? Chart.getChart(c).data.datasets.length : 0}));");
        assertThat(charts).extracting(c -> c.get("id")).containsExactlyInAnyOrder("vbi-heavy-by-month", "vbi-by-score",
                "nuchter-percentiles", "nuchter-shares", "pijn-shares");
        for (Map<String, Object> chart : charts) {
            assertThat(((Number) chart.get("width")).intValue()).as(chart.toString()).isPositive();
            assertThat(((Number) chart.get("height")).intValue()).as(chart.toString()).isPositive();
            assertThat(chart.get("drawn")).as(chart.toString()).isEqualTo(true);
            assertThat(((Number) chart.get("series")).intValue()).as("2025 and 2026 side by side").isEqualTo(2);
        }
        assertThat(text("#theme-PIJN")).contains("Scores calling for action");
        screenshot("drafts", true);

        // log out; a hospital user sees only their hospital
        browser.findElement(By.id("logout")).click();
        waitFor(d -> !d.findElements(By.id("logged-out")).isEmpty());
        logIn(HOSPITAL_USER, HOSPITAL_PASSWORD);
        waitFor(d -> rows().size() == 9);
        assertThat(rows()).doesNotContain("anna-vbi");
        assertThat(text("header nav")).contains("Voorbeeldziekenhuis").doesNotContain("Sint Annaziekenhuis");
        assertThat(browser.findElements(By.cssSelector(".role"))).isEmpty();
        open("/connectors/voorbeeld-pijn-csv");
        assertThat(browser.findElements(By.id("pause"))).isEmpty();
        open("/hospitals/" + OTHER);
        assertThat(text("#error-status")).contains("403");
        screenshot("hospital-user-403", false);
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void logIn(String user, String password) {
        waitFor(d -> !d.findElements(By.id("login-form")).isEmpty());
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
        waitFor(d -> d.findElements(By.id("login-form")).isEmpty());
    }

    /** The connectors the overview lists, in its order. */
    private List<String> rows() {
        return browser.findElements(By.cssSelector("tr[data-connector]")).stream()
                .map(e -> e.getAttribute("data-connector")).toList();
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText().trim();
    }

    /** Waits for the condition; the live regions are replaced every few seconds, so an element may go stale. */
    private void waitFor(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, PATIENCE).ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class).until(condition::apply);
    }

    /** The viewport, or the whole page (the window made as tall as the page for a moment). */
    private void screenshot(String name, boolean wholePage) {
        Dimension window = browser.manage().window().getSize();
        try {
            if (wholePage) {
                Number height = (Number) ((JavascriptExecutor) browser).executeScript(
                        "return document.documentElement.scrollHeight + window.outerHeight - window.innerHeight;");
                browser.manage().window().setSize(new Dimension(window.getWidth(), Math.max(window.getHeight(), height.intValue())));
            }
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            browser.manage().window().setSize(window);
        }
    }
}
