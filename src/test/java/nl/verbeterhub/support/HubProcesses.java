package nl.verbeterhub.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.verbeterhub.json.HubJson;
import nl.verbeterhub.kafka.EmbeddedKafkaBroker;
import nl.verbeterhub.kafka.HospitalPartitioner;

/**
 * Packaged hubs ({@code target/verbeterhub.jar}) as separate processes on one standalone broker, sharing
 * one connectors folder and one inbox per connector (the shared disk of a production set-up); each hub has
 * its own data folder. For the multi-instance tests and the scale-out benchmark.
 */
public final class HubProcesses implements AutoCloseable {

    public static final String SECRET = "hub-processes-secret-0123456789abcdef";
    public static final String DRAFTS = "verbeterdoelen.drafts.v1";

    private final Path root;
    private final KafkaBrokerProcess broker;
    private final List<Hub> hubs = new ArrayList<>();

    /** One hub process; its log says which connectors it runs. */
    public record Hub(String name, Process process, int port, Path log) {

        /** The connectors this hub serves now: the last word about each in its log. */
        public Set<String> serving() {
            Map<String, Boolean> last = new HashMap<>();
            try {
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    int at = line.indexOf("Connector ");
                    if (at < 0) continue;
                    String rest = line.substring(at + "Connector ".length());
                    if (rest.endsWith(" runs on this instance")) last.put(rest.substring(0, rest.indexOf(' ')), true);
                    if (rest.endsWith(" handed over")) last.put(rest.substring(0, rest.indexOf(' ')), false);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return last.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        public boolean ready() {
            try {
                return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    public HubProcesses(Path root) throws Exception {
        this.root = root;
        this.broker = KafkaBrokerProcess.start(root.resolve("broker"));
        Files.createDirectories(root.resolve("connectors"));
    }

    /** {@code count} hospitals whose record-state partitions (of {@code partitions}) all differ. */
    public static List<String> hospitalsInDistinctPartitions(int count, int partitions) {
        Map<Integer, String> byPartition = new LinkedHashMap<>();
        for (int n = 1000; byPartition.size() < count; n++) {
            String agb = "0601" + n;
            byPartition.putIfAbsent(HospitalPartitioner.partitionOf(agb, partitions), agb);
        }
        return List.copyOf(byPartition.values());
    }

    /** A PIJN CSV connector named {@code id} reading the shared inbox {@link #inbox}. */
    public void painConnector(String id, String agb, String name) throws IOException {
        Files.writeString(root.resolve("connectors/" + id + ".yaml"), "id: " + id + "\nhospital:\n  agb: \"" + agb
                + "\"\n  name: " + name + "\ninbox: " + inbox(id) + "\nrecordType: PIJN\n");
    }

    public Path inbox(String id) {
        return root.resolve("shared/inbox/" + id).toAbsolutePath();
    }

    public Hub start(String name, String... options) throws IOException {
        int port = EmbeddedKafkaBroker.freePort();
        Path dir = Files.createDirectories(root.resolve("hub-" + name));
        Path log = dir.resolve("hub.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseParallelGC", "-jar",
                Path.of("target", "verbeterhub.jar").toAbsolutePath().toString(),
                "--hub.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--hub.data-dir=" + dir.resolve("data"), "--hub.connectors-dir=" + root.resolve("connectors"),
                "--server.port=" + port, "--hub.inbox.poll-delay=100ms"));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("VERBETERHUB_PSEUDONYM_SECRET", SECRET);
        Hub hub = new Hub(name, builder.start(), port, log);
        hubs.add(hub);
        return hub;
    }

    /** Drops the export into the connector's inbox under a temporary name, then renames it into place. */
    public void deliver(String id, Path export) throws IOException {
        Path inbox = Files.createDirectories(inbox(id));
        Path part = inbox.resolve(export.getFileName() + ".part");
        Files.copy(export, part);
        Files.move(part, inbox.resolve(export.getFileName().toString()), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Files in the connector's {@code .done/}. */
    public long done(String id) {
        Path done = inbox(id).resolve(".done");
        if (!Files.isDirectory(done)) return 0;
        try (Stream<Path> files = Files.list(done)) {
            return files.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The live draft per key on the drafts topic. */
    public Map<String, JsonNode> latestDrafts() {
        Map<String, JsonNode> drafts = new HashMap<>();
        try {
            for (var e : TopicReader.latest(broker.bootstrapServers(), DRAFTS).entrySet()) {
                if (e.getValue() != null) drafts.put(e.getKey(), HubJson.MAPPER.readTree(e.getValue()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return drafts;
    }

    public KafkaBrokerProcess broker() {
        return broker;
    }

    public static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    @Override
    public void close() throws Exception {
        for (Hub hub : hubs) {
            if (hub.process().isAlive()) {
                hub.process().destroy();
                if (!hub.process().waitFor(60, TimeUnit.SECONDS)) hub.process().destroyForcibly().waitFor();
            }
        }
        broker.close();
    }
}
