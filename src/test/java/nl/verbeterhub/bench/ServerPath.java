package nl.verbeterhub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import nl.verbeterhub.VerbeterhubApplication;
import nl.verbeterhub.json.HubJson;
import nl.verbeterhub.extract.Sha256;
import nl.verbeterhub.extract.UnusableFileException;
import nl.verbeterhub.fhir.FhirExtract;
import nl.verbeterhub.status.HubReadiness;
import nl.verbeterhub.kafka.EmbeddedKafkaBroker;
import nl.verbeterhub.connector.SourceSettings;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.theme.Theme;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The hub's server path, in-process with its embedded broker: a file landed in an inbox until its
 * drafts are on the drafts topic, seen by an outside consumer.
 */
final class ServerPath implements AutoCloseable {

    private static final String TOPIC = "verbeterdoelen.drafts.v1";
    /** The record type of the measured files ({@code bench/run.sh --type}). */
    private static final RecordType TYPE = RecordType.valueOf(System.getProperty("bench.type", "PIJN"));

    private final Path root;
    private final Path inbox;
    private final Path warmUpInbox;
    private final ConfigurableApplicationContext hub;
    private final KafkaConsumer<String, byte[]> drafts;

    /** @param fhir the inboxes take FHIR bulk exports (folders of NDJSON) instead of CSV files */
    private ServerPath(Path root, boolean fhir) throws IOException {
        this.root = root;
        this.inbox = root.resolve("data/inbox/bench");
        this.warmUpInbox = root.resolve("data/inbox/warm-up");
        Files.createDirectories(root.resolve("connectors"));
        // A further theme's FHIR records are read only when the connector lists the theme (themes.md §0.6).
        Theme theme = Theme.of(TYPE);
        String themes = SourceSettings.Fhir.LISTABLE.contains(theme) ? "themes: [" + theme + "]\n" : "";
        String type = fhir ? "type: fhir-inbox\n" + themes : "recordType: " + TYPE + "\n";
        Files.writeString(root.resolve("connectors/bench.yaml"), "id: bench\nhospital:\n  agb: \"06010099\"\n"
                + "  name: Benchziekenhuis\ninbox: " + inbox + "\n" + type);
        // Another hospital warms the JIT up, so that the measured drafts cover the measured file only.
        Files.writeString(root.resolve("connectors/warm-up.yaml"), "id: bench-warm-up\nhospital:\n  agb: \"06010098\"\n"
                + "  name: Opwarmziekenhuis\ninbox: " + warmUpInbox + "\n" + type);
        int kafkaPort = EmbeddedKafkaBroker.freePort();
        hub = new SpringApplication(VerbeterhubApplication.class).run(
                "--hub.data-dir=" + root.resolve("data"), "--hub.connectors-dir=" + root.resolve("connectors"),
                "--hub.kafka.embedded-port=" + kafkaPort, "--server.port=0", "--logging.level.root=WARN",
                "--logging.level.nl.verbeterhub=WARN");
        hub.getBean(HubReadiness.class).awaitReady(Duration.ofMinutes(2));
        Properties p = new Properties();
        p.put("bootstrap.servers", "localhost:" + kafkaPort);
        p.put("fetch.max.wait.ms", "20");
        drafts = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = drafts.partitionsFor(TOPIC).stream()
                .map(i -> new TopicPartition(TOPIC, i.partition())).toList();
        drafts.assign(partitions);
        drafts.seekToEnd(partitions);
        partitions.forEach(drafts::position);
    }

    /** Delivers a file and returns the seconds until every draft of its years carries its hash. */
    double deliver(Path file, int years) throws IOException {
        return deliver(inbox, file, years);
    }

    /** A file, or a bulk export's folder: copied under a temporary name, then renamed into place. */
    private double deliver(Path inbox, Path file, int years) throws IOException {
        boolean folder = Files.isDirectory(file);
        String sha;
        try {
            sha = folder ? FhirExtract.delivered(file).sha256() : Sha256.of(file);
        } catch (UnusableFileException e) {
            throw new IllegalStateException(e);
        }
        Path part = inbox.resolve(file.getFileName() + ".part");
        Files.createDirectories(inbox);
        if (folder) {
            Files.createDirectories(part);
            try (var files = Files.list(file)) {
                for (Path f : files.toList()) Files.copy(f, part.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } else {
            Files.copy(file, part, StandardCopyOption.REPLACE_EXISTING);
        }
        Profiling.start("server");
        long started = System.nanoTime();
        Files.move(part, inbox.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        int seen = 0;
        while (seen < years) {
            for (ConsumerRecord<String, byte[]> r : drafts.poll(Duration.ofMillis(50))) {
                if (r.value() == null) continue;
                JsonNode draft = HubJson.MAPPER.readTree(r.value());
                if (sha.equals(draft.at("/sources/0/latest/sha256").asText())) seen++;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Profiling.stop();
        return seconds;
    }

    /**
     * Throughput of one large file, after warm-up files of another hospital (the JIT compiles the hot
     * path first; more of them stand for a hub that has been running a while, store compactions included).
     */
    static double throughput(Path file, List<Path> warmUps, HeapWatch heap) throws Exception {
        try (ServerPath server = new ServerPath(Files.createTempDirectory(file.getParent(), "server-"), Files.isDirectory(file))) {
            for (Path warmUp : warmUps) server.deliver(server.warmUpInbox, warmUp, 2);
            heap.reset();
            return server.deliver(file, 2);
        }
    }

    /** Latency of small files, one after the other; prints the percentiles, returns the median. */
    static double latency(Path dir, int runs, int rows, HeapWatch heap) throws Exception {
        try (ServerPath server = new ServerPath(Files.createTempDirectory(dir, "latency-"), false)) {
            List<Double> seconds = new ArrayList<>();
            for (int i = 0; i < runs + 3; i++) {
                Path file = ExportGenerator.write(TYPE, ExportGenerator.Dialect.ISO, rows, 1000 + i,
                        1L + (long) i * rows, dir.resolve("latency-" + i + ".csv"));
                double s = server.deliver(file, 2);
                if (i >= 3) seconds.add(s); // the first three warm the JIT up
                Files.delete(file);
            }
            Collections.sort(seconds);
            double p50 = seconds.get((int) Math.ceil(0.50 * seconds.size()) - 1);
            double p95 = seconds.get((int) Math.ceil(0.95 * seconds.size()) - 1);
            System.out.printf(Locale.ROOT, "LATENCY runs=%d rows=%d p50=%.3f p95=%.3f max=%.3f%n", runs, rows, p50, p95,
                    seconds.get(seconds.size() - 1));
            return p50;
        }
    }

    @Override
    public void close() {
        drafts.close();
        hub.close();
        org.springframework.util.FileSystemUtils.deleteRecursively(root.toFile());
    }
}
