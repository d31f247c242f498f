package nl.verbeterhub.kafka;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.verbeterhub.json.HubJson;
import nl.verbeterhub.extract.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An extract's rejections, kept on disk until the extract is known to be usable: only then are they
 * published, so a file that turns out unusable half-way leaves no rejections behind. Holds codes and
 * positions only, like the messages themselves.
 */
final class RejectionSpill implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RejectionSpill.class);

    interface Publisher {
        void publish(String key, byte[] value);
    }

    private final Path file;
    private final DataOutputStream out;
    private long count;

    RejectionSpill(Path dir) {
        try {
            Files.createDirectories(dir);
            file = Files.createTempFile(dir, "rejections-", ".spill");
            out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void add(Rejection rejection) {
        try {
            out.writeUTF(rejection.key());
            byte[] value = HubJson.MAPPER.writeValueAsBytes(rejection.toJson());
            out.writeInt(value.length);
            out.write(value);
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long count() {
        return count;
    }

    void publishAll(Publisher publisher) {
        try {
            out.flush();
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                for (long i = 0; i < count; i++) {
                    String key = in.readUTF();
                    byte[] value = new byte[in.readInt()];
                    in.readFully(value);
                    publisher.publish(key, value);
                }
            }
        } catch (EOFException e) {
            throw new IllegalStateException("rejection spill file truncated", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Removes the spill file. Runs after the extract committed (or failed): a file that cannot be removed
     * is logged, never turned into a failure of an extract that is already durable.
     */
    @Override
    public void close() {
        try {
            out.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not remove the rejection spill file {} ({})", file.getFileName(), e.getClass().getSimpleName());
        }
    }
}
