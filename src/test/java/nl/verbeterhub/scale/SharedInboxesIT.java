package nl.verbeterhub.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
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
import nl.verbeterhub.bench.ExportGenerator;
import nl.verbeterhub.cli.ValidateCommand;
import nl.verbeterhub.config.StandaloneConfig;
import nl.verbeterhub.draft.DraftJson;
import nl.verbeterhub.kafka.EmbeddedKafkaBroker;
import nl.verbeterhub.kafka.HospitalPartitioner;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.support.KafkaBrokerProcess;
import nl.verbeterhub.support.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two packaged hubs on one standalone broker process, sharing six hospitals' inboxes (a network disk, in
 * production). The consumer group gives each instance half the hospitals; only the owner reads an inbox.
 * The instance reading the big extract is killed with SIGKILL half-way, its transaction open and its
 * read-lock marker beside the file: the survivor takes its hospitals over within the session timeout,
 * fences and aborts the open transaction (not waiting 15 minutes for it to time out), reads the file
 * again, and every draft equals a single-instance run — published once, never duplicated or overtaken.
 */
class SharedInboxesIT {

    static final String SECRET = "shared-inboxes-secret-0123456789abcdef";
    static final String DRAFTS = "verbeterdoelen.drafts.v1";
    static final int PARTITIONS = 6;

    @TempDir
    Path root;
    private KafkaBrokerProcess broker;
    private final List<Hub> hubs = new ArrayList<>();

    record Hub(String name, Process process, int port, Path log) {
        /** The connectors this hub says it serves now: the last word about each in its log. */
        Set<String> serving() throws IOException {
            Map<String, Boolean> last = new HashMap<>();
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                int at = line.indexOf("Connector ");
                if (at < 0) continue;
                String rest = line.substring(at + "Connector ".length());
                if (rest.endsWith(" runs on this instance")) last.put(rest.substring(0, rest.indexOf(' ')), true);
                if (rest.endsWith(" handed over")) last.put(rest.substring(0, rest.indexOf(' ')), false);
            }
            return last.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @AfterEach
    void stop() throws Exception {
        for (Hub hub : hubs) {
            if (hub.process().isAlive()) {
                hub.process().destroy();
                if (!hub.process().waitFor(60, TimeUnit.SECONDS)) hub.process().destroyForcibly().waitFor();
            }
        }
        if (broker != null) broker.close();
    }

    @Test
    void aKilledInstancesHospitalsAreTakenOverAndEveryDraftEqualsASingleInstanceRun() throws Exception {
        Path jar = Path.of("target", "verbeterhub.jar").toAbsolutePath();
        assertThat(jar).as("run after package").exists();
        broker = KafkaBrokerProcess.start(root.resolve("broker"));
        List<String> agbs = hospitalsInDistinctPartitions();
        Map<String, Path> exports = new LinkedHashMap<>();
        Files.createDirectories(root.resolve("connectors"));
        Files.createDirectories(root.resolve("exports"));
        for (int i = 0; i < agbs.size(); i++) {
            String id = "zh-" + i;
            Files.writeString(root.resolve("connectors/" + id + ".yaml"), "id: " + id + "\nhospital:\n  agb: \"" + agbs.get(i)
                    + "\"\n  name: Ziekenhuis " + i + "\ninbox: " + inbox(id) + "\nrecordType: PIJN\n");
            // zh-0 delivers the big extract: long enough to be killed in the middle of it.
            exports.put(id, ExportGenerator.write(RecordType.PIJN, ExportGenerator.Dialect.DUTCH, i == 0 ? 200_000 : 3_000,
                    11 + i, root.resolve("exports/pijn-" + id + ".csv")));
        }

        hubs.add(start("a"));
        awaitReady(hubs.get(0));
        hubs.add(start("b"));
        awaitReady(hubs.get(1));
        // The group divides the six partitions; each instance runs the connectors of its three hospitals.
        await().atMost(Duration.ofSeconds(60)).until(() -> hubs.get(0).serving().size() == 3 && hubs.get(1).serving().size() == 3);
        assertThat(union(hubs.get(0).serving(), hubs.get(1).serving())).hasSize(6);

        for (Map.Entry<String, Path> e : exports.entrySet()) deliver(e.getKey(), e.getValue());
        Hub killed = hubs.get(0).serving().contains("zh-0") ? hubs.get(0) : hubs.get(1);
        Hub survivor = killed == hubs.get(0) ? hubs.get(1) : hubs.get(0);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> Files.readString(killed.log()).contains("zh-0: reading pijn-zh-0.csv"));
        killed.process().destroyForcibly().waitFor();
        long killedAt = System.nanoTime();
        assertThat(Path.of(inbox("zh-0")).resolve("pijn-zh-0.csv")).as("killed mid-extract: the file waits").exists();
        assertThat(Path.of(inbox("zh-0")).resolve("pijn-zh-0.csv.camelLock")).as("with the dead reader's lock marker").exists();

        // Taken over within the session timeout (6 s here), fenced, restored; the file read again.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> survivor.serving().size() == 6);
        long takenOverAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(100))
                .until(() -> latestDrafts().keySet().stream().anyMatch(k -> k.startsWith(agbs.get(0) + ":")));
        long firstDraftAt = System.nanoTime();
        System.out.printf("fail-over: kill -> connectors taken over %d ms, -> first draft of the killed extract %d ms%n",
                (takenOverAt - killedAt) / 1_000_000, (firstDraftAt - killedAt) / 1_000_000);
        await().atMost(Duration.ofSeconds(180)).until(() -> exports.keySet().stream().allMatch(id -> done(id) == 1));

        Map<String, JsonNode> expected = new HashMap<>();
        for (int i = 0; i < agbs.size(); i++) expected.putAll(validate(agbs.get(i), "Ziekenhuis " + i, exports.get("zh-" + i)));
        await().atMost(Duration.ofSeconds(60)).until(() -> latestDrafts().keySet().containsAll(expected.keySet()));
        Map<String, JsonNode> actual = latestDrafts();
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (String key : expected.keySet()) {
            for (String part : List.of("indicators", "period", "pdca", "dataQuality")) {
                assertThat(actual.get(key).get(part)).as(key + " " + part).isEqualTo(expected.get(key).get(part));
            }
            assertThat(actual.get(key).at("/sources/0/extracts").asInt()).as("one committed extract").isEqualTo(1);
        }

        // Every draft was published once: none duplicated, none overtaken by an older one.
        Map<String, Long> publications = TopicReader.readAll(broker.bootstrapServers(), DRAFTS).stream()
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        assertThat(publications).allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1L));
        // Every rejection once, the half extract's included (its rejections wait for its commit).
        List<ConsumerRecord<String, byte[]>> rejections = TopicReader.readAll(broker.bootstrapServers(), "verbeterhub.rejections.v1");
        // dataQuality covers the hospital's whole extract in each year's draft: count each hospital once.
        Map<String, Long> rejectedPerHospital = new HashMap<>();
        expected.forEach((key, d) -> rejectedPerHospital.put(key.substring(0, key.indexOf(':')), d.at("/dataQuality/recordsRejected").asLong()));
        long rejected = rejectedPerHospital.values().stream().mapToLong(Long::longValue).sum();
        assertThat(rejections).hasSize((int) rejected);
        assertThat(rejections.stream().map(ConsumerRecord::key).distinct().count()).isEqualTo(rejected);
        for (String id : exports.keySet()) {
            try (Stream<Path> left = Files.list(Path.of(inbox(id)))) {
                assertThat(left.map(p -> p.getFileName().toString())).as("no orphan read lock, nothing left")
                        .containsExactlyInAnyOrder(".done");
            }
        }
    }

    /** Six hospitals whose record-state partitions differ: the group can give each instance three. */
    private static List<String> hospitalsInDistinctPartitions() {
        Map<Integer, String> byPartition = new LinkedHashMap<>();
        for (int n = 1000; byPartition.size() < PARTITIONS; n++) {
            String agb = "0601" + n;
            byPartition.putIfAbsent(HospitalPartitioner.partitionOf(agb, PARTITIONS), agb);
        }
        return List.copyOf(byPartition.values());
    }

    private String inbox(String id) {
        return root.resolve("shared/inbox/" + id).toAbsolutePath().toString();
    }

    private void deliver(String id, Path export) throws IOException {
        Path inbox = Files.createDirectories(Path.of(inbox(id)));
        Path part = inbox.resolve(export.getFileName() + ".part");
        Files.copy(export, part);
        Files.move(part, inbox.resolve(export.getFileName().toString()), StandardCopyOption.ATOMIC_MOVE);
    }

    private long done(String id) {
        Path done = Path.of(inbox(id)).resolve(".done");
        if (!Files.isDirectory(done)) return 0;
        try (Stream<Path> files = Files.list(done)) {
            return files.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Hub start(String name) throws IOException {
        int port = EmbeddedKafkaBroker.freePort();
        Path dir = Files.createDirectories(root.resolve("hub-" + name));
        Path log = dir.resolve("hub.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseParallelGC", "-jar", jar(),
                "--hub.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--hub.data-dir=" + dir.resolve("data"), "--hub.connectors-dir=" + root.resolve("connectors"),
                "--server.port=" + port, "--hub.inbox.poll-delay=100ms", "--hub.kafka.session-timeout=PT6S")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("VERBETERHUB_PSEUDONYM_SECRET", SECRET);
        return new Hub(name, builder.start(), port, log);
    }

    private static String jar() {
        return Path.of("target", "verbeterhub.jar").toAbsolutePath().toString();
    }

    private static void awaitReady(Hub hub) {
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() -> HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + hub.port() + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    }

    private Map<String, JsonNode> latestDrafts() throws IOException {
        Map<String, JsonNode> drafts = new HashMap<>();
        for (var e : TopicReader.latest(broker.bootstrapServers(), DRAFTS).entrySet()) {
            if (e.getValue() != null) drafts.put(e.getKey(), DraftJson.MAPPER.readTree(e.getValue()));
        }
        return drafts;
    }

    private static Map<String, JsonNode> validate(String agb, String name, Path export) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new ValidateCommand(StandaloneConfig.load(), Clock.systemUTC(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()))
                .run(List.of("--agb", agb, "--name", name, export.toString()));
        assertThat(exit).isZero();
        Map<String, JsonNode> byKey = new HashMap<>();
        for (JsonNode d : DraftJson.MAPPER.readTree(out.toByteArray())) {
            byKey.put(agb + ":" + d.at("/theme/code").asText() + ":" + d.at("/period/year").asInt(), d);
        }
        return byKey;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
