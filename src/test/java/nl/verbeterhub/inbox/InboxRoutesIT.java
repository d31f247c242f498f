package nl.verbeterhub.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.verbeterhub.config.HubProperties;
import nl.verbeterhub.json.HubJson;
import nl.verbeterhub.status.HubReadiness;
import nl.verbeterhub.kafka.KafkaClients;
import nl.verbeterhub.support.HubTestProperties;
import nl.verbeterhub.support.InboxFolders;
import nl.verbeterhub.support.Schemas;
import nl.verbeterhub.support.TestKafka;
import nl.verbeterhub.support.TopicReader;
import nl.verbeterhub.support.ValidatedDrafts;
import nl.verbeterhub.theme.ThemeSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The spine against a real broker: sample exports dropped into the example connectors' inboxes become
 * drafts and rejections on the topics, with the same figures as {@code validate} on the same files.
 */
@SpringBootTest
class InboxRoutesIT {

    static final HubTestProperties HUB = HubTestProperties.create("spine");
    static final String AGB = "06019999";

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        HUB.register(registry, TestKafka.bootstrapServers());
        HUB.connector("samples-vbi", AGB, "vbi", "VBI", "");
        HUB.connector("samples-nuchter", AGB, "nuchter", "NUCHTER", "");
        HUB.connector("samples-pijn", AGB, "pijn", "PIJN", "");
        HUB.connector("samples-opnames", AGB, "opnames", "ADMISSION", "mode: snapshot\n");
        HUB.connector("links-pijn", AGB, "links", "PIJN", "");
    }

    @Autowired
    CamelContext camel;
    @Autowired
    HubReadiness readiness;
    @Autowired
    HubProperties properties;

    @Autowired
    ThemeSettings themeSettings;

    private static boolean delivered;

    /** The four sample exports, dropped once for the whole class, like a hospital's nightly extract job. */
    @BeforeEach
    void deliverSamplesOnce() throws Exception {
        readiness.awaitReady(Duration.ofSeconds(60));
        if (delivered) return;
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("inbox-samples-*").whenCompleted(4).create();
        for (String type : List.of("vbi", "nuchter", "pijn", "opnames")) {
            Path sample = Path.of("samples", type + "-2026-11-20.csv");
            HubTestProperties.drop(HUB.inbox(type), sample.getFileName().toString(), Files.readAllBytes(sample));
        }
        assertThat(done.matches(60, TimeUnit.SECONDS)).isTrue();
        delivered = true;
    }

    @Test
    void samplesBecomeOneDraftPerThemeAndYearWithTheFiguresOfValidate() throws Exception {
        Map<String, JsonNode> validated = ValidatedDrafts.of(properties, themeSettings, AGB, "Testziekenhuis " + AGB,
                Stream.of(Path.of("samples").toFile().listFiles((d, n) -> n.endsWith("-2026-11-20.csv"))).map(java.io.File::toPath).toList());
        Map<String, byte[]> drafts = TopicReader.latest(TestKafka.bootstrapServers(), HUB.draftsTopic());
        assertThat(drafts.keySet()).containsExactlyInAnyOrderElementsOf(validated.keySet());
        for (var e : drafts.entrySet()) {
            JsonNode published = HubJson.MAPPER.readTree(e.getValue());
            JsonNode expected = validated.get(e.getKey());
            assertThat(Schemas.check(Schemas.DRAFT, published)).isEmpty();
            for (String part : List.of("hospital", "theme", "period", "indicators", "pdca", "dataQuality")) {
                assertThat(published.get(part)).as(e.getKey() + " " + part).isEqualTo(expected.get(part));
            }
            assertThat(published.get("sources")).hasSize(expected.get("sources").size());
        }
        for (Path inbox : List.of(HUB.inbox("vbi"), HUB.inbox("nuchter"), HUB.inbox("pijn"), HUB.inbox("opnames"))) {
            try (var files = Files.list(inbox.resolve(".done"))) {
                assertThat(files.count()).isEqualTo(1);
            }
            assertThat(Files.list(inbox).filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void aCsvFileThatIsASymbolicLinkGoesToErrorUnread() throws Exception {
        Path foreign = Files.createDirectories(HUB.root().resolve("other-hospital/.done")).resolve("pijn-2026-11-20.csv");
        Files.copy(Path.of("samples", "pijn-2026-11-20.csv"), foreign);
        Path inbox = Files.createDirectories(HUB.inbox("links"));
        Files.createSymbolicLink(inbox.resolve("pijn.csv"), foreign);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            if (!Files.isDirectory(inbox.resolve(".error"))) return false;
            try (var error = Files.list(inbox.resolve(".error"))) {
                return error.anyMatch(p -> p.toString().endsWith(".reason.txt"));
            }
        });
        assertThat(InboxFolders.reasonFor(inbox, "pijn.csv")).isEqualTo("UNSUPPORTED_FILE: pijn.csv is a symbolic link");
        assertThat(inbox.resolve(".done")).doesNotExist();
        assertThat(foreign).exists();
    }

    @Test
    void rejectionsReachTheirTopicWithReasonAndLineOnly() throws Exception {
        List<String> seen = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : TopicReader.readAll(TestKafka.bootstrapServers(), HUB.rejectionsTopic())) {
            JsonNode json = HubJson.MAPPER.readTree(r.value());
            assertThat(Schemas.check(Schemas.REJECTION, json)).isEmpty();
            assertThat(r.key()).isEqualTo(AGB + ":" + json.get("connector").asText() + ":"
                    + json.at("/extract/sha256").asText() + ":" + json.at("/position/file").asText() + ":"
                    + json.at("/position/line").asInt());
            seen.add(json.at("/position/file").asText() + ":" + json.at("/position/line").asInt() + ":"
                    + json.get("reason").asText() + ":" + json.get("field").asText());
        }
        assertThat(seen).containsExactlyInAnyOrder(
                "vbi-2026-11-20.csv:46:OUT_OF_RANGE:score", "vbi-2026-11-20.csv:47:END_BEFORE_START:end",
                "vbi-2026-11-20.csv:48:MISSING_FIELD:patient_id", "vbi-2026-11-20.csv:49:UNPARSABLE:start",
                "nuchter-2026-11-20.csv:42:INTAKE_AFTER_INDUCTION:last_clear_fluid_at",
                "nuchter-2026-11-20.csv:43:IMPLAUSIBLE_DURATION:last_solid_at",
                "nuchter-2026-11-20.csv:44:MISSING_FIELD:age_years",
                "pijn-2026-11-20.csv:64:UNPARSABLE:value", "pijn-2026-11-20.csv:65:UNKNOWN_SCALE:scale",
                "pijn-2026-11-20.csv:66:OUT_OF_RANGE:value",
                "opnames-2026-11-20.csv:38:END_BEFORE_START:discharged_at");
    }

    @Test
    void draftsCarryCloudEventsHeadersInBinaryMode() throws Exception {
        Map<String, String> ids = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : TopicReader.readAll(TestKafka.bootstrapServers(), HUB.draftsTopic())) {
            if (r.value() == null) continue;
            CloudEvent event = KafkaMessageFactory.createReader(r).toEvent();
            JsonNode draft = HubJson.MAPPER.readTree(r.value());
            assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
            assertThat(event.getType()).isEqualTo("nl.verbeterdoelen.draft.v1");
            assertThat(event.getSubject()).isEqualTo(r.key());
            assertThat(event.getSource().toString()).isEqualTo(properties.deploymentUri());
            // As instants: a time on a whole minute prints without its seconds ("01:02+01:00").
            assertThat(event.getTime().toInstant())
                    .isEqualTo(java.time.OffsetDateTime.parse(draft.get("generatedAt").asText()).toInstant());
            assertThat(event.getDataContentType()).isEqualTo("application/json");
            assertThat(ids.put(event.getId(), r.key())).as("ce_id unique").isNull();
        }
    }

    @Test
    void theDraftsAndRejectionsCommandsShowWhatIsOnTheTopics() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(new ByteArrayOutputStream());
        var command = new nl.verbeterhub.cli.TopicDumpCommand(properties, new PrintStream(out, true, StandardCharsets.UTF_8), err);
        List<String> args = List.of("--bootstrap-servers", TestKafka.bootstrapServers(), "--agb", AGB);
        assertThat(command.run(nl.verbeterhub.cli.TopicDumpCommand.Which.DRAFTS, args)).isZero();
        assertThat(HubJson.MAPPER.readTree(out.toByteArray())).hasSize(6);
        out.reset();
        assertThat(command.run(nl.verbeterhub.cli.TopicDumpCommand.Which.REJECTIONS, args)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(11)
                .allSatisfy(line -> assertThat(HubJson.MAPPER.readTree(line).get("reason").asText()).isNotEmpty());
    }

    @Test
    void producersAreIdempotentWithAcksAllAndStateTopicsAreCompacted() throws Exception {
        var config = camel.getComponent("kafka", KafkaComponent.class).getConfiguration();
        assertThat(config.isEnableIdempotence()).isTrue();
        assertThat(config.getRequestRequiredAcks()).isEqualTo("all");
        Properties producer = KafkaClients.transactionalProducer("x", KafkaClients.ProducerSettings.DEFAULT, "t", Duration.ofMinutes(1));
        assertThat(producer.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).isEqualTo(true);
        assertThat(producer.get(ProducerConfig.ACKS_CONFIG)).isEqualTo("all");

        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            Map<String, String> expected = Map.of(HUB.draftsTopic(), "compact", HUB.recordsTopic(), "compact",
                    HUB.extractsTopic(), "compact", HUB.rejectionsTopic(), "delete");
            for (var e : expected.entrySet()) {
                ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, e.getKey());
                Config c = admin.describeConfigs(List.of(topic)).all().get().get(topic);
                assertThat(c.get("cleanup.policy").value()).as(e.getKey()).isEqualTo(e.getValue());
            }
        }
    }
}
