package nl.verbeterhub.pseudonym;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The deployment's pseudonym secret. It comes from the environment; the local default mode keeps a
 * generated one under {@code data/} instead. Never logged: {@link #toString()} hides it.
 */
public final class PseudonymSecret {

    public static final String ENV = "VERBETERHUB_PSEUDONYM_SECRET";
    private static final int MIN_LENGTH = 16;

    private final byte[] bytes;

    private PseudonymSecret(byte[] bytes) {
        if (bytes.length < MIN_LENGTH) {
            throw new IllegalArgumentException(ENV + " must be at least " + MIN_LENGTH + " bytes long");
        }
        this.bytes = bytes.clone();
    }

    public static PseudonymSecret of(String value) {
        return new PseudonymSecret(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A secret that lives only as long as the process: for {@code validate}, whose pseudonyms never leave it. */
    public static PseudonymSecret throwAway() {
        return new PseudonymSecret(randomBytes());
    }

    /**
     * The secret stored in {@code file}, created on first use (written to a temporary name, then
     * renamed, readable by the owner only).
     *
     * @return the secret and whether it was generated now
     */
    public static Loaded loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            return new Loaded(of(Files.readString(file, StandardCharsets.UTF_8).trim()), false);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        String value = Base64.getEncoder().encodeToString(randomBytes());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, value, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own permissions apply
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        return new Loaded(of(value), true);
    }

    public record Loaded(PseudonymSecret secret, boolean created) {
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return b;
    }

    byte[] bytes() {
        return bytes;
    }

    @Override
    public String toString() {
        return "PseudonymSecret[hidden]";
    }
}
