package nl.verbeterhub.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 of a file's bytes: an extract's identity, whatever its name. */
public final class Sha256 {

    private Sha256() {
    }

    public static String of(Path file) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The SHA-256 of a text's ASCII bytes: a FHIR extract's identity is that of its files' hex SHA-256s. */
    public static String ofText(String ascii) {
        return HexFormat.of().formatHex(newDigest().digest(ascii.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The prefix of a FHIR server run's identity: a run is no file, its SHA-256 is {@code null} (domain.md §4). */
    public static final String RUN_PREFIX = "run-";

    /**
     * An extract's SHA-256 as drafts and rejections give it: {@code null} for a FHIR server run, whose
     * identity (kept in the hub's state and in keys) is {@link #RUN_PREFIX} and the hash of what the run fetched.
     */
    public static String published(String identity) {
        return identity != null && identity.startsWith(RUN_PREFIX) ? null : identity;
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
