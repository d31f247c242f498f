package nl.verbeterhub.bench;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.connector.ConnectorType;
import nl.verbeterhub.connector.RemoteAuth;
import nl.verbeterhub.connector.SourceSettings;
import nl.verbeterhub.remote.auth.Authorizers;
import nl.verbeterhub.remote.fhir.ServerPuller;
import nl.verbeterhub.support.fhirserver.FhirTomcat;
import org.apache.catalina.startup.Tomcat;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.springframework.util.FileSystemUtils;

/**
 * The {@code fhir-pull} case: a {@code fhir-server} run pulling a pain export's Observations from a real
 * HAPI FHIR {@link RestfulServer} in the same JVM, page size 1,000. The server parses each page's lines from
 * the export as it is asked for them (1M resources never sit on its heap) and HAPI encodes them; the pull
 * reads the pages raw into its run folder. Prints, besides the wall time, the pull thread's own CPU time
 * (to set against the {@code hapi} case, HAPI's parse of the same lines) and the requests per 1,000 records.
 */
final class ServerPull {

    private static final int PAGE_SIZE = 1_000;
    private static final int WARM_UP_RESOURCES = 100_000;

    private ServerPull() {
    }

    static double run(Path export, HeapWatch heap) throws Exception {
        Path observations = export.resolve("Observation.ndjson");
        LazyObservations lazy = new LazyObservations(observations);
        Path work = Files.createTempDirectory("fhir-pull");
        Tomcat tomcat = start(lazy, work);
        try {
            String base = FhirTomcat.baseUrl(tomcat);
            ConnectorConfig c = new ConnectorConfig("pull", "06019999", "Bench", ConnectorType.FHIR_SERVER, work.resolve("inbox"),
                    false, Set.of(), Duration.ofSeconds(1), new SourceSettings.FhirServer(SourceSettings.Fhir.DEFAULTS,
                    URI.create(base), Duration.ofHours(1), new RemoteAuth.None(), PAGE_SIZE), null);
            ServerPuller puller = new ServerPuller(Clock.systemUTC());
            lazy.limit = WARM_UP_RESOURCES;
            pull(puller, c);
            lazy.limit = Integer.MAX_VALUE;
            heap.reset();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
            long cpu = threads.getCurrentThreadCpuTime();
            Profiling.start("fhir-pull");
            long started = System.nanoTime();
            ServerPuller.Fetched run = pull(puller, c);
            double seconds = (System.nanoTime() - started) / 1e9;
            Profiling.stop();
            double pullCpu = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            double allCpu = (((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime() - process) / 1e9;
            System.out.printf(Locale.ROOT, "PULL resources %d requests %d requestsPer1000 %.3f pullCpuSeconds %.2f processCpuSeconds %.2f"
                    + " serverParsed %d%n", run.resources(), run.requests(), run.requests() * 1000.0 / run.resources(), pullCpu, allCpu,
                    lazy.parsed);
            if (run.resources() != lazy.size()) throw new IllegalStateException("pulled " + run.resources() + " of " + lazy.size());
            return seconds;
        } finally {
            tomcat.stop();
            tomcat.destroy();
            FileSystemUtils.deleteRecursively(work);
        }
    }

    private static ServerPuller.Fetched pull(ServerPuller puller, ConnectorConfig c) throws IOException {
        FileSystemUtils.deleteRecursively(c.inbox());
        return puller.pull(c, Optional.empty(), Authorizers.of(new RemoteAuth.None(), k -> null));
    }

    private static Tomcat start(LazyObservations lazy, Path work) throws Exception {
        RestfulServer server = new RestfulServer(FhirContext.forR4Cached());
        server.setResourceProviders(lazy, new Empty(Procedure.class), new Empty(Encounter.class));
        server.setPagingProvider(new FifoMemoryPagingProvider(100).setDefaultPageSize(PAGE_SIZE).setMaximumPageSize(PAGE_SIZE));
        return FhirTomcat.start(server, new WholeResponses(), work.resolve("tomcat"));
    }

    /** The pain search's results: the export's lines, parsed by HAPI page by page as the server asks for them. */
    public static final class LazyObservations implements IResourceProvider {

        private final RandomAccessFile file;
        private final long[] offsets;
        private final IParser parser = FhirContext.forR4Cached().newJsonParser();
        volatile int limit = Integer.MAX_VALUE;
        volatile long parsed;

        LazyObservations(Path ndjson) throws IOException {
            List<Long> starts = new ArrayList<>();
            long at = 0;
            starts.add(0L);
            byte[] bytes = new byte[1 << 16];
            try (var in = Files.newInputStream(ndjson)) {
                int n;
                while ((n = in.read(bytes)) > 0) {
                    for (int i = 0; i < n; i++) if (bytes[i] == '\n') starts.add(at + i + 1);
                    at += n;
                }
            }
            offsets = starts.stream().mapToLong(Long::longValue).toArray();
            file = new RandomAccessFile(ndjson.toFile(), "r");
        }

        int size() {
            return Math.min(limit, offsets.length - 1);
        }

        @Override
        public Class<? extends IBaseResource> getResourceType() {
            return Observation.class;
        }

        /** The pain search finds the export; the intake search ({@code 67517-3}) finds nothing. */
        @Search(allowUnknownParams = true)
        public IBundleProvider search(@OptionalParam(name = "code") TokenOrListParam code) {
            if (code == null || code.getValuesAsQueryTokens().stream().anyMatch(t -> "67517-3".equals(t.getValue()))) {
                return new SimpleBundleProvider(List.of());
            }
            int size = size();
            InstantType published = new InstantType(new Date());
            return new IBundleProvider() {
                @Override
                public IPrimitiveType<Date> getPublished() {
                    return published;
                }

                @Override
                public List<IBaseResource> getResources(int from, int to) {
                    return read(from, Math.min(to, size));
                }

                @Override
                public String getUuid() {
                    return null;
                }

                @Override
                public Integer preferredPageSize() {
                    return PAGE_SIZE;
                }

                @Override
                public Integer size() {
                    return size;
                }
            };
        }

        private synchronized List<IBaseResource> read(int from, int to) {
            List<IBaseResource> page = new ArrayList<>(to - from);
            try {
                byte[] bytes = new byte[(int) (offsets[to] - offsets[from])];
                file.seek(offsets[from]);
                file.readFully(bytes);
                String text = new String(bytes, StandardCharsets.UTF_8);
                for (String line : text.split("\n")) if (!line.isBlank()) page.add(parser.parseResource(line));
                parsed += page.size();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return page;
        }
    }

    /** A resource type the export does not hold: every search finds nothing. */
    public static final class Empty implements IResourceProvider {
        private final Class<? extends IBaseResource> type;

        Empty(Class<? extends IBaseResource> type) {
            this.type = type;
        }

        @Override
        public Class<? extends IBaseResource> getResourceType() {
            return type;
        }

        @Search(allowUnknownParams = true)
        public IBundleProvider search() {
            return new SimpleBundleProvider(List.of());
        }
    }
}
