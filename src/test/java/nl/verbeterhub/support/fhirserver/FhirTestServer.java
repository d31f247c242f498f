package nl.verbeterhub.support.fhirserver;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.springframework.util.FileSystemUtils;

/**
 * A real HAPI FHIR {@link RestfulServer} on an embedded Tomcat at a free port, over a {@link MemoryStore},
 * with a filter in front that records every request, can demand a bearer token, and answers a planned
 * number of requests with a failure (503, 429 with {@code Retry-After}) — for example mid-paging.
 */
public final class FhirTestServer implements AutoCloseable {

    private final Tomcat tomcat;
    /** Tomcat's work folder: removed on close, else every test run leaves one in the temporary folder. */
    private final Path baseDir;
    private final MemoryStore store;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
    private volatile String requiredToken;
    private final AtomicInteger unauthorized = new AtomicInteger();

    /**
     * A planned failure: the next requests that match answer {@code status} ({@code times} of them); or, with
     * a {@code hold}, wait until it is released and then answer as usual.
     */
    private record Fault(Predicate<HttpServletRequest> when, int status, String retryAfter, AtomicInteger times,
                         CountDownLatch hold) {
    }

    private final AtomicInteger held = new AtomicInteger();

    public FhirTestServer(FhirContext context) throws IOException, LifecycleException {
        this.store = new MemoryStore(context);
        RestfulServer server = new RestfulServer(context);
        server.setResourceProviders(new MemoryProvider(Patient.class, store), new MemoryProvider(Observation.class, store),
                new MemoryProvider(Procedure.class, store), new MemoryProvider(Encounter.class, store),
                // The further themes' resources (themes.md §1.3, §2.3, §3.3, §4.4).
                new MemoryProvider(DiagnosticReport.class, store), new MemoryProvider(ServiceRequest.class, store),
                new MemoryProvider(Task.class, store), new MemoryProvider(DocumentReference.class, store),
                new MemoryProvider(MeasureReport.class, store));
        server.setPagingProvider(new FifoMemoryPagingProvider(1_000).setDefaultPageSize(100).setMaximumPageSize(10_000));
        this.baseDir = Files.createTempDirectory("fhir-test-server");
        this.tomcat = FhirTomcat.start(server, new Faults(), baseDir);
    }

    public String baseUrl() {
        return FhirTomcat.baseUrl(tomcat);
    }

    public MemoryStore store() {
        return store;
    }

    /** Every request's path and query, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    public void clearRequests() {
        requests.clear();
    }

    /** From now on a request without {@code Authorization: Bearer token} is answered 401. */
    public void requireToken(String token) {
        requiredToken = token;
    }

    public int unauthorized() {
        return unauthorized.get();
    }

    /** The next {@code times} requests that match answer {@code status}, with {@code Retry-After} when given. */
    public void fail(Predicate<HttpServletRequest> when, int status, String retryAfter, int times) {
        faults.add(new Fault(when, status, retryAfter, new AtomicInteger(times), null));
    }

    /** The next request that matches waits until {@code release} is counted down (a client mid-paging, held there). */
    public void holdOnce(Predicate<HttpServletRequest> when, CountDownLatch release) {
        faults.add(new Fault(when, 0, null, new AtomicInteger(1), release));
    }

    /** How many requests a hold has caught so far. */
    public int held() {
        return held.get();
    }

    /** Requests for a later page at this offset of the paging (HAPI's {@code _getpagesoffset}). */
    public static Predicate<HttpServletRequest> pageAt(int offset) {
        Pattern at = Pattern.compile("(^|&)_getpagesoffset=" + offset + "(&|$)");
        return r -> r.getQueryString() != null && at.matcher(r.getQueryString()).find();
    }

    /** The planned failures still to come are dropped: the server answers again. */
    public void clearFaults() {
        faults.clear();
    }

    /** Page requests after the first page of a search (HAPI's {@code _getpages}). */
    public static Predicate<HttpServletRequest> laterPages() {
        return r -> r.getQueryString() != null && r.getQueryString().contains("_getpages");
    }

    @Override
    public void close() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
        FileSystemUtils.deleteRecursively(baseDir.toFile());
    }

    private final class Faults implements Filter {
        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
            HttpServletRequest request = (HttpServletRequest) req;
            HttpServletResponse response = (HttpServletResponse) res;
            requests.add(request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
            String token = requiredToken;
            if (token != null && !("Bearer " + token).equals(request.getHeader("Authorization"))) {
                unauthorized.incrementAndGet();
                response.sendError(401);
                return;
            }
            for (Fault f : faults) {
                if (f.when().test(request) && f.times().getAndDecrement() > 0) {
                    if (f.hold() != null) {
                        held.incrementAndGet();
                        try {
                            f.hold().await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        break;
                    }
                    if (f.retryAfter() != null) response.setHeader("Retry-After", f.retryAfter());
                    response.sendError(f.status());
                    return;
                }
            }
            chain.doFilter(req, res);
        }
    }
}
