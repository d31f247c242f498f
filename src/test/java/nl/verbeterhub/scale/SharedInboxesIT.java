package nl.verbeterhub.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.verbeterhub.bench.ExportGenerator;
import nl.verbeterhub.support.HubProcesses;
import nl.verbeterhub.support.HubProcesses.Hub;
import nl.verbeterhub.support.TopicReader;
import nl.verbeterhub.support.ValidatedDrafts;
import nl.verbeterhub.theme.pijn.PainTheme;
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

    @TempDir
    Path root;
    private HubProcesses cluster;

    @AfterEach
    void stop() throws Exception {
        if (cluster != null) cluster.close();
    }

    @Test
    void aKilledInstancesHospitalsAreTakenOverAndEveryDraftEqualsASingleInstanceRun() throws Exception {
        assertThat(Path.of("target", "verbeterhub.jar")).as("run after package").exists();
        cluster = new HubProcesses(root);
        List<String> agbs = HubProcesses.hospitalsInDistinctPartitions(6, 6);
        Map<String, Path> exports = new LinkedHashMap<>();
        Files.createDirectories(root.resolve("exports"));
        for (int i = 0; i < agbs.size(); i++) {
            String id = "zh-" + i;
            cluster.painConnector(id, agbs.get(i), "Ziekenhuis " + i);
            // zh-0 delivers the big extract: long enough to be killed in the middle of it.
            exports.put(id, ExportGenerator.write(PainTheme.PIJN, ExportGenerator.Dialect.DUTCH, i == 0 ? 200_000 : 3_000,
                    11 + i, root.resolve("exports/pijn-" + id + ".csv")));
        }

        Hub a = cluster.start("a", "--hub.kafka.session-timeout=PT6S");
        await().atMost(Duration.ofSeconds(120)).until(a::ready);
        Hub b = cluster.start("b", "--hub.kafka.session-timeout=PT6S");
        await().atMost(Duration.ofSeconds(120)).until(b::ready);
        // The group divides the six partitions; each instance runs the connectors of its three hospitals.
        await().atMost(Duration.ofSeconds(60)).until(() -> a.serving().size() == 3 && b.serving().size() == 3);
        TreeSet<String> both = new TreeSet<>(a.serving());
        both.addAll(b.serving());
        assertThat(both).hasSize(6);

        for (Map.Entry<String, Path> e : exports.entrySet()) cluster.deliver(e.getKey(), e.getValue());
        Hub killed = a.serving().contains("zh-0") ? a : b;
        Hub survivor = killed == a ? b : a;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> Files.readString(killed.log()).contains("zh-0: reading pijn-zh-0.csv"));
        killed.process().destroyForcibly().waitFor();
        long killedAt = System.nanoTime();
        Path inbox = cluster.inbox("zh-0");
        assertThat(inbox.resolve("pijn-zh-0.csv")).as("killed mid-extract: the file waits").exists();
        assertThat(inbox.resolve("pijn-zh-0.csv.camelLock")).as("with the dead reader's lock marker").exists();

        // Taken over within the session timeout (6 s here), fenced, restored; the file read again.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> survivor.serving().size() == 6);
        Duration takenOver = HubProcesses.since(killedAt);
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(100))
                .until(() -> cluster.latestDrafts().keySet().stream().anyMatch(k -> k.startsWith(agbs.get(0) + ":")));
        System.out.printf("fail-over: kill -> connectors taken over %d ms, -> first draft of the killed extract %d ms%n",
                takenOver.toMillis(), HubProcesses.since(killedAt).toMillis());
        await().atMost(Duration.ofSeconds(180)).until(() -> exports.keySet().stream().allMatch(id -> cluster.done(id) == 1));

        Map<String, JsonNode> expected = new HashMap<>();
        for (int i = 0; i < agbs.size(); i++) expected.putAll(ValidatedDrafts.of(agbs.get(i), "Ziekenhuis " + i, exports.get("zh-" + i)));
        await().atMost(Duration.ofSeconds(60)).until(() -> cluster.latestDrafts().keySet().containsAll(expected.keySet()));
        Map<String, JsonNode> actual = cluster.latestDrafts();
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (String key : expected.keySet()) {
            for (String part : List.of("indicators", "period", "pdca", "dataQuality")) {
                assertThat(actual.get(key).get(part)).as(key + " " + part).isEqualTo(expected.get(key).get(part));
            }
            assertThat(actual.get(key).at("/sources/0/extracts").asInt()).as("one committed extract").isEqualTo(1);
        }

        // Every draft was published once: none duplicated, none overtaken by an older one.
        String brokers = cluster.broker().bootstrapServers();
        Map<String, Long> publications = TopicReader.readAll(brokers, HubProcesses.DRAFTS).stream()
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        assertThat(publications).allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1L));
        // Every rejection once, the half extract's included (its rejections wait for its commit). dataQuality
        // covers the hospital's whole extract in each year's draft: count each hospital once.
        Map<String, Long> rejectedPerHospital = new HashMap<>();
        expected.forEach((key, d) -> rejectedPerHospital.put(key.substring(0, key.indexOf(':')), d.at("/dataQuality/recordsRejected").asLong()));
        long rejected = rejectedPerHospital.values().stream().mapToLong(Long::longValue).sum();
        List<ConsumerRecord<String, byte[]>> rejections = TopicReader.readAll(brokers, "verbeterhub.rejections.v1");
        assertThat(rejections).hasSize((int) rejected);
        assertThat(rejections.stream().map(ConsumerRecord::key).distinct().count()).isEqualTo(rejected);
        for (String id : exports.keySet()) {
            try (Stream<Path> left = Files.list(cluster.inbox(id))) {
                assertThat(left.map(p -> p.getFileName().toString())).as("no orphan read lock, nothing left")
                        .containsExactlyInAnyOrder(".done");
            }
        }
    }

}
