package nl.verbeterhub.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * A person's browser session with the console, without a browser: a cookie jar, no redirects followed,
 * the CSRF token taken from the page's forms as a browser would submit it.
 */
final class ConsoleClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    private final String base;
    private final HttpClient http;

    ConsoleClient(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Logs in through the login form; the answer is the redirect (to / or to /login?error). */
    HttpResponse<String> login(String user, String password) {
        String token = csrf(get("/login").body());
        return post("/login", Map.of("username", user, "password", password, "_csrf", token));
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET().build());
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Posts a form of a page with the CSRF token that page carries. */
    HttpResponse<String> submit(String page, String action, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrf(get(page).body()));
        return post(action, form);
    }

    static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) throw new AssertionError("no CSRF token in the page");
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An extract pushed through the API as an operator would with curl (HTTP Basic, raw body). */
    static HttpResponse<String> upload(int port, String user, String password, String connector, String filename,
                                       byte[] content) throws IOException, InterruptedException {
        return upload(port, user, password, connector, filename, content, "text/csv");
    }

    static HttpResponse<String> upload(int port, String user, String password, String connector, String filename,
                                       byte[] content, String contentType) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/connectors/"
                        + connector + "/extracts?filename=" + encode(filename)))
                .header("Authorization", "Basic " + basic).header("Content-Type", contentType)
                .timeout(Duration.ofSeconds(90)).POST(HttpRequest.BodyPublishers.ofByteArray(content)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A users file with one hospital user of these AGBs (a bcrypt hash, never the password). */
    static Path usersFile(Path dir, String user, String password, String agb) {
        String yaml = "users:\n"
                + "  - username: " + user + "\n"
                + "    password: \"{bcrypt}" + new BCryptPasswordEncoder().encode(password) + "\"\n"
                + "    agbs: [\"" + agb + "\"]\n";
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve("users.yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
