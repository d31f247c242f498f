package nl.verbeterhub.remote.bulk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import nl.verbeterhub.support.FhirJson;

/**
 * A small in-process bulk {@code $export} provider (HAPI's plain server has none): kick-off at
 * {@code /fhir/$export} (also Group and Patient level), status at {@code /status/{job}}, files at
 * {@code /files/{job}/{name}}. Each kick-off takes the next scripted {@link Job} (or an empty export when none
 * is left); every request is recorded, so a test can assert what the hub sent.
 */
final class BulkExportServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as received: the decoded query parameters and the headers that matter. */
    record Request(String method, String path, Map<String, String> query, String authorization, String prefer,
                   String accept) {
    }

    /** How one export plays out. Fields are set by the test before the kick-off. */
    static final class Job {
        /** Kick-offs answered 503 (Retry-After: 1) before this job is accepted. */
        int kickOffUnavailable;
        /** A kick-off answered with this status instead (e.g. 400); 0: accepted. */
        int kickOffRefusal;
        /** Status requests answered 202 (Retry-After: 1, X-Progress) before any other answer. */
        int inProgress;
        /** Then status requests answered 429 (Retry-After: 1). */
        int throttled;
        /** Status requests answered 404, as for an export the server let expire. */
        boolean expired;
        String transactionTime = "2025-06-03T12:00:00+02:00";
        boolean requiresAccessToken;
        /** Output files by name (Type-n.ndjson): their resource lines. */
        final Map<String, List<String>> files = new LinkedHashMap<>();
        boolean withErrorFile;
        /** The manifest's files answer 404, as when the export expires during the download. */
        boolean filesGone;
        /** This output file (by name) answers 500: a download that fails after others succeeded. */
        String failingFile;
        volatile String id;
        volatile boolean deleted;

        Job file(String name, FhirJson... resources) {
            files.put(name, List.of(resources).stream().map(FhirJson::json).toList());
            return this;
        }
    }

    private final HttpServer server;
    private final Deque<Job> script = new ConcurrentLinkedDeque<>();
    private final Map<String, Job> jobs;
    private final List<Request> requests = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    /** When set, every request must carry {@code Bearer <token>}, downloads only when the job requires it. */
    volatile String token;
    /** When set, status URLs (and output file URLs) point at that server, another origin serving the same jobs. */
    volatile BulkExportServer statusAt;
    volatile BulkExportServer filesAt;

    BulkExportServer() throws IOException {
        this(new ConcurrentHashMap<>());
    }

    private BulkExportServer(Map<String, Job> jobs) throws IOException {
        this.jobs = jobs;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Another server (another port: another origin) answering status requests and downloads of this one's jobs. */
    BulkExportServer elsewhere() throws IOException {
        return new BulkExportServer(jobs);
    }

    String baseUrl() {
        return origin() + "/fhir";
    }

    private String origin() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    void script(Job... next) {
        script.addAll(List.of(next));
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> kickOffs() {
        return requests().stream().filter(r -> r.path().endsWith("$export")).toList();
    }

    private synchronized void record(Request r) {
        requests.add(r);
    }

    private void handle(HttpExchange x) throws IOException {
        try {
            String path = x.getRequestURI().getPath();
            Request r = new Request(x.getRequestMethod(), path, query(x.getRequestURI().getRawQuery()),
                    x.getRequestHeaders().getFirst("Authorization"), x.getRequestHeaders().getFirst("Prefer"),
                    x.getRequestHeaders().getFirst("Accept"));
            record(r);
            boolean download = path.startsWith("/files/");
            Job job = download || path.startsWith("/status/") ? jobs.get(path.split("/")[2]) : null;
            boolean needsToken = token != null && (!download || job != null && job.requiresAccessToken);
            if (needsToken && !("Bearer " + token).equals(r.authorization())) {
                send(x, 401, Map.of(), "");
            } else if (path.endsWith("$export")) {
                kickOff(x);
            } else if (path.startsWith("/status/")) {
                status(x, job);
            } else if (download && job != null && !job.deleted && !job.expired && !job.filesGone) {
                String name = path.substring(path.lastIndexOf('/') + 1);
                List<String> lines = name.equals("errors.ndjson")
                        ? List.of("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"processing\"}]}")
                        : job.files.get(name);
                if (name.equals(job.failingFile)) send(x, 500, Map.of(), "");
                else if (lines == null) send(x, 404, Map.of(), "");
                else send(x, 200, Map.of("Content-Type", "application/fhir+ndjson"), String.join("\n", lines) + "\n");
            } else {
                send(x, 404, Map.of(), "");
            }
        } finally {
            x.close();
        }
    }

    private void kickOff(HttpExchange x) throws IOException {
        Job next = script.peek();
        if (next != null && next.kickOffUnavailable > 0) {
            next.kickOffUnavailable--;
            send(x, 503, Map.of("Retry-After", "1"), "");
            return;
        }
        if (next != null && next.kickOffRefusal > 0) {
            send(x, next.kickOffRefusal, Map.of(), "{\"resourceType\":\"OperationOutcome\"}");
            return;
        }
        Job job = Optional.ofNullable(script.poll()).orElseGet(Job::new);
        job.id = "job-" + ids.incrementAndGet();
        jobs.put(job.id, job);
        send(x, 202, Map.of("Content-Location", (statusAt == null ? this : statusAt).origin() + "/status/" + job.id), "");
    }

    private void status(HttpExchange x, Job job) throws IOException {
        if (job == null || job.deleted || job.expired) {
            send(x, 404, Map.of(), "");
        } else if (x.getRequestMethod().equals("DELETE")) {
            job.deleted = true;
            send(x, 202, Map.of(), "");
        } else if (job.inProgress > 0) {
            job.inProgress--;
            send(x, 202, Map.of("Retry-After", "1", "X-Progress", "step " + job.inProgress + " to go"), "");
        } else if (job.throttled > 0) {
            job.throttled--;
            send(x, 429, Map.of("Retry-After", "1"), "");
        } else {
            send(x, 200, Map.of("Content-Type", "application/json"), manifest(job));
        }
    }

    private String manifest(Job job) throws IOException {
        String files = (filesAt == null ? this : filesAt).origin() + "/files/" + job.id + "/";
        ObjectNode m = JSON.createObjectNode();
        m.put("transactionTime", job.transactionTime);
        m.put("request", baseUrl() + "/$export");
        m.put("requiresAccessToken", job.requiresAccessToken);
        ArrayNode output = m.putArray("output");
        job.files.forEach((name, lines) -> output.addObject().put("type", name.substring(0, name.indexOf('-')))
                .put("url", files + name).put("count", lines.size()));
        ArrayNode error = m.putArray("error");
        if (job.withErrorFile) error.addObject().put("type", "OperationOutcome").put("url", files + "errors.ndjson");
        return JSON.writeValueAsString(m);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null) return q;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            q.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    private static void send(HttpExchange x, int code, Map<String, String> headers, String body) throws IOException {
        headers.forEach((k, v) -> x.getResponseHeaders().add(k, v));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
