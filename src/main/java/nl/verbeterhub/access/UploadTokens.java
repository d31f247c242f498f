package nl.verbeterhub.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.connector.Connectors;

/**
 * Per-connector bearer tokens for push uploads: from the environment
 * ({@code VERBETERHUB_UPLOAD_TOKEN_<ID>}, the id upper-cased with {@code -} as {@code _}) or as SHA-256
 * hashes in the connector file ({@code uploadTokens: [sha256:…]}), never a token in plain text in git.
 * Tokens are long random strings, so one SHA-256 is enough to keep them (unlike passwords).
 */
public final class UploadTokens {

    private static final int MIN_LENGTH = 32;

    /** SHA-256 hex of a token → its connector. */
    private final Map<String, ConnectorConfig> byHash = new HashMap<>();

    public UploadTokens(Connectors connectors, Function<String, String> environment) {
        for (ConnectorConfig c : connectors.all()) {
            c.uploadTokenSha256().forEach(hash -> add(hash, c));
            String fromEnvironment = environment.apply(variable(c.id()));
            if (fromEnvironment != null && !fromEnvironment.isBlank()) {
                if (fromEnvironment.trim().length() < MIN_LENGTH) {
                    throw new IllegalStateException(variable(c.id()) + " must be at least " + MIN_LENGTH
                            + " characters (e.g. openssl rand -hex 32)");
                }
                add(sha256(fromEnvironment.trim()), c);
            }
        }
    }

    /** One token, one connector: a token given to two would push to whichever came last. */
    private void add(String hash, ConnectorConfig c) {
        ConnectorConfig other = byHash.putIfAbsent(hash, c);
        if (other != null && !other.id().equals(c.id())) {
            throw new IllegalStateException("the same upload token is given to connectors " + other.id() + " and " + c.id());
        }
    }

    public static String variable(String connectorId) {
        return "VERBETERHUB_UPLOAD_TOKEN_" + connectorId.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The token's user, when it is one of a connector's tokens. */
    public Optional<HubUser> user(String token) {
        ConnectorConfig c = byHash.get(sha256(token));
        return c == null ? Optional.empty() : Optional.of(HubUser.uploadToken(c.id(), c.agb()));
    }

    public static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
