package nl.verbeterhub.remote.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import nl.verbeterhub.connector.SourceSettings;
import nl.verbeterhub.fhir.FhirResourceTypes;
import nl.verbeterhub.failure.RemoteSourceException;
import nl.verbeterhub.remote.auth.Authorizer;

/**
 * The HTTP side of a FHIR bulk {@code $export} (Bulk Data Access): kick-off, status, download, delete.
 * HAPI's generic client has no bulk export, so this speaks plain HTTP. A request to the origin of the
 * connector's {@code baseUrl} (scheme, host, port) carries the {@link Authorizer}'s header (a download only when
 * the manifest asks for it); a request anywhere else — a status URL, an output file or a redirect on another
 * host — goes without it: the token is never sent to a host other than the configured one. A 401 refreshes it
 * once and is retried once. Failures are content-free: a phase and a status code, never a URL, a token or a body.
 */
final class BulkExportClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REDIRECTS = 5;

    sealed interface Status {
    }

    /** 202: still running; ask again after {@code retryAfter} (when the server gave one). */
    record InProgress(Optional<Duration> retryAfter, Optional<String> progress) implements Status {
    }

    /** 200: the manifest. */
    record Complete(JsonNode manifest) implements Status {
    }

    /** 404 or 410: the server forgot the export (expired, or deleted on its side). */
    record Expired(int code) implements Status {
    }

    /** A file of the manifest is gone: the export expired while it was being downloaded. */
    static final class FileExpired extends RuntimeException {
        FileExpired(int code) {
            super("an output file of the export answered HTTP " + code);
        }
    }

    private final HttpClient http;
    private final Duration requestTimeout;

    BulkExportClient(Duration connectTimeout, Duration requestTimeout) {
        // Redirects are followed by hand for downloads only: the JDK would carry the token to another host.
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
        this.requestTimeout = requestTimeout;
    }

    /**
     * Kicks off an export of the resource types the connector reads (everything else would be downloaded to be
     * ignored), changed since {@code since}; returns the status URL.
     */
    URI kickOff(SourceSettings.BulkExport settings, Optional<Instant> since, Authorizer auth) throws InterruptedException {
        List<String> types = FhirResourceTypes.of(settings.fhir().themes());
        StringBuilder query = new StringBuilder("?_type=").append(String.join(",", types));
        since.ifPresent(s -> query.append("&_since=").append(URLEncoder.encode(s.toString(), StandardCharsets.UTF_8)));
        URI uri = URI.create(settings.baseUrl() + "/" + settings.kickOffPath() + query);
        HttpResponse<InputStream> r = send(() -> request(uri).GET().header("Accept", "application/fhir+json")
                .header("Prefer", "respond-async"), auth, "the kick-off");
        close(r);
        if (r.statusCode() != 202) throw failure("the kick-off", r);
        Optional<String> location = r.headers().firstValue("Content-Location");
        if (location.isEmpty()) throw new RemoteSourceException.Refused("the kick-off answered 202 without a Content-Location", null);
        try {
            return httpUrl(uri.resolve(location.get().trim()), "the kick-off's Content-Location");
        } catch (IllegalArgumentException e) {
            throw new RemoteSourceException.Refused("the kick-off's Content-Location is no URL", null);
        }
    }

    /** The export's status; {@code base} is the connector's {@code baseUrl}, the only origin that gets the token. */
    Status status(URI statusUrl, URI base, Authorizer auth) throws InterruptedException {
        HttpResponse<InputStream> r = send(() -> request(statusUrl).GET().header("Accept", "application/json"),
                only(base, statusUrl, auth), "the status request");
        int code = r.statusCode();
        if (code == 200) {
            try (InputStream in = r.body()) {
                JsonNode manifest = JSON.readTree(in);
                if (manifest == null || !manifest.isObject() || !manifest.path("output").isArray()) {
                    throw new RemoteSourceException.Refused("the export's manifest has no output list", null);
                }
                return new Complete(manifest);
            } catch (IOException e) {
                // Jackson quotes the body in its message: only the kind of failure is kept.
                throw new RemoteSourceException.Unavailable("the export's manifest could not be read ("
                        + e.getClass().getSimpleName() + ")", null);
            }
        }
        close(r);
        if (code == 202) return new InProgress(HttpFailures.retryAfter(r.headers(), Instant.now()),
                r.headers().firstValue("X-Progress"));
        if (code == 404 || code == 410) return new Expired(code);
        throw failure("the status request", r, withheld(base, statusUrl, auth));
    }

    /**
     * Streams one output file to {@code target}; {@code auth} null sends no token. A file or a redirect on another
     * origin than {@code base} (object storage) gets no token either: it is meant to be presigned.
     */
    void download(URI file, URI base, Authorizer auth, Path target) throws InterruptedException {
        URI current = file;
        for (int hop = 0; ; hop++) {
            URI at = current;
            Authorizer here = only(base, at, auth);
            HttpResponse<InputStream> r = send(() -> request(at).GET().header("Accept", "application/fhir+ndjson"), here,
                    "a download");
            int code = r.statusCode();
            Optional<String> location = r.headers().firstValue("Location");
            if (code >= 300 && code < 400 && code != 304 && location.isPresent() && hop < MAX_REDIRECTS) {
                close(r);
                current = httpUrl(at.resolve(location.get().trim()), "a download's redirect");
                continue;
            }
            if (code == 200) {
                try (InputStream in = r.body()) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new RemoteSourceException.Unavailable("a download broke off (" + e.getClass().getSimpleName() + ")", e);
                }
                return;
            }
            close(r);
            if (code == 404 || code == 410) throw new FileExpired(code);
            throw failure("a download", r, withheld(base, at, auth));
        }
    }

    /** Tells the server it may delete the export's files; the HTTP status (2xx is success). */
    int delete(URI statusUrl, URI base, Authorizer auth) throws InterruptedException {
        HttpResponse<InputStream> r = send(() -> request(statusUrl).DELETE(), only(base, statusUrl, auth), "the delete");
        close(r);
        return r.statusCode();
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(requestTimeout);
    }

    /** Sends, and after a 401 refreshes the authorization once and sends once more. */
    private HttpResponse<InputStream> send(Supplier<HttpRequest.Builder> request, Authorizer auth, String phase)
            throws InterruptedException {
        HttpResponse<InputStream> r = sendOnce(request.get(), auth, phase);
        if (r.statusCode() == 401 && auth != null && auth.refresh()) {
            close(r);
            r = sendOnce(request.get(), auth, phase);
        }
        return r;
    }

    private HttpResponse<InputStream> sendOnce(HttpRequest.Builder request, Authorizer auth, String phase)
            throws InterruptedException {
        if (auth != null) auth.authorization().ifPresent(value -> request.header("Authorization", value));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            // Connection refused, a timeout, a reset: the source is away for now.
            throw new RemoteSourceException.Unavailable(phase + " failed (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static RemoteSourceException failure(String phase, HttpResponse<?> r) {
        return HttpFailures.of(phase, r.statusCode(), r.headers());
    }

    /** A 401 or 403 where the token was withheld says why: the URL is on another host than {@code baseUrl}. */
    private static RemoteSourceException failure(String phase, HttpResponse<?> r, boolean withheld) {
        int code = r.statusCode();
        if (withheld && (code == 401 || code == 403)) {
            return new RemoteSourceException.Refused(phase + " answered HTTP " + code + "; its URL is on another host than "
                    + "baseUrl, which is never sent the token", null);
        }
        return failure(phase, r);
    }

    /** {@code auth} for a request to {@code at} on the origin of {@code base}; elsewhere none (null). */
    static Authorizer only(URI base, URI at, Authorizer auth) {
        return auth != null && sameOrigin(base, at) ? auth : null;
    }

    private static boolean withheld(URI base, URI at, Authorizer auth) {
        return auth != null && !sameOrigin(base, at);
    }

    private static URI httpUrl(URI uri, String what) {
        if (!uri.isAbsolute() || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new RemoteSourceException.Refused(what + " is no http(s) URL", null);
        }
        return uri;
    }

    /** Same scheme, host and port, with the scheme's default port filled in (RFC 6454). */
    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static void close(HttpResponse<InputStream> r) {
        try {
            r.body().close();
        } catch (IOException e) {
            // nothing was to be read from it
        }
    }
}
