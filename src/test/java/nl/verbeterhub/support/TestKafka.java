package nl.verbeterhub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.verbeterhub.kafka.EmbeddedKafkaBroker;
import org.springframework.util.FileSystemUtils;

/**
 * One real in-process Kafka broker (KRaft) shared by every test in the JVM, on a free port, with its
 * log in a temporary folder. Tests keep out of each other's way with their own topic names.
 */
public final class TestKafka {

    private static EmbeddedKafkaBroker broker;

    private TestKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            try {
                Path dir = Files.createTempDirectory("verbeterhub-test-kafka-");
                broker = EmbeddedKafkaBroker.start(dir, 0);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    broker.close();
                    FileSystemUtils.deleteRecursively(dir.toFile());
                }, "test-kafka-shutdown"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return broker.bootstrapServers();
    }
}
