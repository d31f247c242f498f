package nl.verbeterhub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a hub under test at the shared test broker with its own topics, data folder and connectors,
 * so that test classes never see each other's drafts.
 */
public final class HubTestProperties {

    public static final String SECRET = "integration-test-secret-0123456789";

    private final Path root;
    private final String run;

    public HubTestProperties(Path root, String run) {
        this.root = root;
        this.run = run;
    }

    public static HubTestProperties create(String run) {
        try {
            return new HubTestProperties(Files.createTempDirectory("verbeterhub-" + run + "-"), run);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void register(DynamicPropertyRegistry registry, String bootstrapServers) {
        registry.add("hub.kafka.bootstrap-servers", () -> bootstrapServers);
        registry.add("hub.data-dir", () -> root.resolve("data").toString());
        registry.add("hub.connectors-dir", () -> root.resolve("connectors").toString());
        registry.add("hub.kafka.topics.drafts", this::draftsTopic);
        registry.add("hub.kafka.topics.rejections", this::rejectionsTopic);
        registry.add("hub.kafka.topics.records", this::recordsTopic);
        registry.add("hub.kafka.topics.extracts", this::extractsTopic);
        registry.add("hub.inbox.poll-delay", () -> "100ms");
        registry.add("VERBETERHUB_PSEUDONYM_SECRET", () -> SECRET);
        registry.add("server.port", () -> "0");
    }

    public String draftsTopic() {
        return run + ".drafts";
    }

    public String rejectionsTopic() {
        return run + ".rejections";
    }

    public String recordsTopic() {
        return run + ".records";
    }

    public String extractsTopic() {
        return run + ".extracts";
    }

    public Path inbox(String name) {
        return root.resolve("data").resolve("inbox").resolve(name);
    }

    public Path root() {
        return root;
    }

    /** Writes a connector file for an inbox under this run's data folder. */
    public void connector(String id, String agb, String inbox, String recordType, String extra) {
        String yaml = "id: " + id + "\n"
                + "hospital:\n  agb: \"" + agb + "\"\n  name: Testziekenhuis " + agb + "\n"
                + "inbox: " + inbox(inbox) + "\n"
                + "recordType: " + recordType + "\n"
                + extra;
        try {
            Files.createDirectories(root.resolve("connectors"));
            Files.writeString(root.resolve("connectors").resolve(id + ".yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a FHIR inbox connector file ({@code type: fhir-inbox}) for an inbox under this run's data folder. */
    public void fhirConnector(String id, String agb, String inbox, String extra) {
        String yaml = "id: " + id + "\n"
                + "hospital:\n  agb: \"" + agb + "\"\n  name: Testziekenhuis " + agb + "\n"
                + "type: fhir-inbox\n"
                + "inbox: " + inbox(inbox) + "\n"
                + extra;
        try {
            Files.createDirectories(root.resolve("connectors"));
            Files.writeString(root.resolve("connectors").resolve(id + ".yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Delivers a bulk export the way §8 says: the folder written under a temporary name (a leading dot) and
     * renamed into place once complete.
     */
    public static Path dropFolder(Path inbox, String name, Path from) {
        try {
            Path tmp = Files.createDirectories(inbox.resolve("." + name));
            try (var files = Files.list(from)) {
                for (Path f : files.toList()) Files.copy(f, tmp.resolve(f.getFileName()));
            }
            return Files.move(tmp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Delivers a file the way a well-behaved extract job does: written under a temporary name, then renamed. */
    public static Path drop(Path inbox, String name, byte[] content) {
        try {
            Files.createDirectories(inbox);
            Path tmp = inbox.resolve(name + ".part");
            Files.write(tmp, content);
            return Files.move(tmp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
