package nl.verbeterhub.remote.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import nl.verbeterhub.json.HubJson;
import nl.verbeterhub.status.HubReadiness;
import nl.verbeterhub.support.HubTestProperties;
import nl.verbeterhub.support.TestKafka;
import nl.verbeterhub.support.TopicReader;
import nl.verbeterhub.support.ValidatedDrafts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * A {@code fhir-server} connector against the HAPI FHIR JPA server of docker-compose.yml (same image),
 * seeded with the sample transaction Bundle as the compose stack's {@code hapi-seed} does: the drafts equal
 * what {@code validate} gives for that Bundle. Skipped where no Docker engine runs (this project's CI
 * machine); {@code FhirServerIT} covers the same path with HAPI's server classes in-process.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class HapiFhirContainerIT {

    static final String AGB = "06010031";
    static final Path BUNDLE = Path.of("samples/fhir-bundle-2026-11-20.json");

    @Container
    static final GenericContainer<?> HAPI = new GenericContainer<>(DockerImageName.parse("hapiproject/hapi:v7.6.0"))
            .withEnv("hapi.fhir.fhir_version", "R4")
            .withExposedPorts(8080)
            .waitingFor(Wait.forHttp("/fhir/metadata").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(5)));
    static final HubTestProperties HUB = HubTestProperties.create("hapicontainer");

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) throws IOException {
        HUB.register(registry, TestKafka.bootstrapServers());
        Files.createDirectories(HUB.root().resolve("connectors"));
        Files.writeString(HUB.root().resolve("connectors/hapi.yaml"), "id: hapi-container\nhospital:\n  agb: \"" + AGB
                + "\"\n  name: Containerziekenhuis\ntype: fhir-server\ninbox: " + HUB.inbox("hapi") + "\nbaseUrl: " + baseUrl()
                + "\npollInterval: PT2S\n");
        registry.add("hub.remote.watermark-overlap", () -> "PT0S");
    }

    static String baseUrl() {
        return "http://" + HAPI.getHost() + ":" + HAPI.getMappedPort(8080) + "/fhir";
    }

    @Autowired
    HubReadiness readiness;

    @Test
    void theSampleBundleOnAHapiServerGivesTheDraftsValidateGives() throws Exception {
        readiness.awaitReady(Duration.ofSeconds(120));
        HttpResponse<String> seeded = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl()))
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofFile(BUNDLE)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(seeded.statusCode()).isEqualTo(200);

        Map<String, JsonNode> expected = ValidatedDrafts.of(AGB, "Containerziekenhuis", BUNDLE);
        await().atMost(Duration.ofSeconds(120)).until(() -> drafts().keySet().containsAll(expected.keySet()));
        Map<String, JsonNode> actual = drafts();
        for (String key : expected.keySet()) {
            assertThat(actual.get(key).get("indicators")).as(key).isEqualTo(expected.get(key).get("indicators"));
        }
    }

    private static Map<String, JsonNode> drafts() throws IOException {
        Map<String, JsonNode> drafts = new HashMap<>();
        for (var e : TopicReader.latest(TestKafka.bootstrapServers(), HUB.draftsTopic()).entrySet()) {
            if (e.getValue() != null) drafts.put(e.getKey(), HubJson.MAPPER.readTree(e.getValue()));
        }
        return drafts;
    }

}
