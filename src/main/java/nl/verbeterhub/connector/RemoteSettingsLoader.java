package nl.verbeterhub.connector;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The settings of the remote connector types (fhir-server, fhir-bulk-export, sftp-inbox), checked. */
final class RemoteSettingsLoader {

    static final int DEFAULT_PAGE_SIZE = 1_000;
    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofHours(1);
    private static final Pattern ENV = Pattern.compile("[A-Z_][A-Z0-9_]*");
    private static final Set<String> SMART = Set.of("tokenUrl", "clientId", "algorithm", "keyFile", "keyEnv", "keyId", "scope");

    private RemoteSettingsLoader() {
    }

    static SourceSettings.FhirServer fhirServer(Path file, ConnectorFile f, SourceSettings.Fhir fhir) {
        int pageSize = f.pageSize() == null ? DEFAULT_PAGE_SIZE : f.pageSize();
        require(file, pageSize >= 1 && pageSize <= 10_000, "pageSize must be 1 to 10000");
        return new SourceSettings.FhirServer(fhir, baseUrl(file, f.baseUrl()), pollInterval(file, f.pollInterval()),
                auth(file, f.auth()), pageSize);
    }

    static SourceSettings.BulkExport bulkExport(Path file, ConnectorFile f, SourceSettings.Fhir fhir) {
        String level = f.exportLevel() == null ? "system" : f.exportLevel();
        require(file, Set.of("system", "group", "patient").contains(level), "exportLevel must be system, group or patient");
        require(file, level.equals("group") == (f.group() != null), "group (a Group id) is required for exportLevel group, and only there");
        require(file, f.group() == null || f.group().matches("[A-Za-z0-9\\-.]{1,64}"), "group must be a FHIR id");
        return new SourceSettings.BulkExport(fhir, baseUrl(file, f.baseUrl()), pollInterval(file, f.pollInterval()),
                auth(file, f.auth()), level, Optional.ofNullable(f.group()));
    }

    static SourceSettings.Sftp sftp(Path file, ConnectorFile f, SourceSettings local) {
        require(file, f.host() != null && !f.host().isBlank(), "host is required");
        int port = f.port() == null ? 22 : f.port();
        require(file, port >= 1 && port <= 65_535, "port must be 1 to 65535");
        require(file, f.path() != null && !f.path().isBlank(), "path (the remote folder) is required");
        require(file, f.user() != null && !f.user().isBlank(), "user is required");
        require(file, f.privateKeyEnv() != null || f.passwordEnv() != null,
                "privateKeyEnv or passwordEnv is required: the environment variable holding the key or password");
        env(file, "privateKeyEnv", f.privateKeyEnv());
        env(file, "passwordEnv", f.passwordEnv());
        require(file, f.knownHosts() != null && !f.knownHosts().isBlank(),
                "knownHosts is required: a known_hosts file holding the server's host key (host keys are always checked)");
        return new SourceSettings.Sftp(local, f.host(), port, f.path(), f.user(), Optional.ofNullable(f.privateKeyEnv()),
                Optional.ofNullable(f.passwordEnv()), Path.of(f.knownHosts()), pollInterval(file, f.pollInterval()));
    }

    private static URI baseUrl(Path file, String value) {
        require(file, value != null, "baseUrl is required (e.g. https://fhir.example.org/r4)");
        try {
            URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            require(file, ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getUserInfo() == null && uri.getQuery() == null, "baseUrl must be an http(s) URL without credentials or query");
            return uri;
        } catch (URISyntaxException e) {
            throw new ConnectorDefinitionException(file, "baseUrl is not a URL");
        }
    }

    private static Duration pollInterval(Path file, String value) {
        if (value == null) return DEFAULT_POLL_INTERVAL;
        Duration d;
        try {
            d = Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new ConnectorDefinitionException(file, "pollInterval must be an ISO-8601 duration (PT15M, PT1H, P1D)");
        }
        require(file, d.compareTo(Duration.ofSeconds(1)) >= 0, "pollInterval must be at least PT1S");
        return d;
    }

    /** {@code none} (or absent), {@code {bearerTokenEnv: NAME}} or {@code {smart: {...}}}. */
    static RemoteAuth auth(Path file, JsonNode auth) {
        if (auth == null || auth.isNull() || (auth.isTextual() && auth.asText().equals("none"))) return new RemoteAuth.None();
        require(file, auth.isObject() && auth.size() == 1 && (auth.has("bearerTokenEnv") || auth.has("smart")),
                "auth must be none, {bearerTokenEnv: NAME} or {smart: {tokenUrl, clientId, algorithm, keyFile or keyEnv, scope}}");
        if (auth.has("bearerTokenEnv")) return new RemoteAuth.Bearer(env(file, "auth.bearerTokenEnv", auth.get("bearerTokenEnv").asText()));
        JsonNode s = auth.get("smart");
        require(file, s.isObject(), "auth.smart must be a map");
        for (Iterator<String> names = s.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            require(file, SMART.contains(name), "unknown setting 'auth.smart." + name + "'");
        }
        URI tokenUrl;
        try {
            tokenUrl = new URI(text(file, s, "tokenUrl"));
        } catch (URISyntaxException e) {
            throw new ConnectorDefinitionException(file, "auth.smart.tokenUrl is not a URL");
        }
        require(file, "https".equals(tokenUrl.getScheme()) || "http".equals(tokenUrl.getScheme()), "auth.smart.tokenUrl must be an http(s) URL");
        String algorithm = s.has("algorithm") ? s.get("algorithm").asText() : "RS384";
        require(file, algorithm.equals("RS384") || algorithm.equals("ES384"), "auth.smart.algorithm must be RS384 or ES384");
        Optional<Path> keyFile = Optional.ofNullable(s.get("keyFile")).map(JsonNode::asText).map(Path::of);
        Optional<String> keyEnv = Optional.ofNullable(s.get("keyEnv")).map(JsonNode::asText);
        require(file, keyFile.isPresent() != keyEnv.isPresent(), "auth.smart needs keyFile or keyEnv (one of them)");
        keyEnv.ifPresent(e -> env(file, "auth.smart.keyEnv", e));
        return new RemoteAuth.Smart(tokenUrl, text(file, s, "clientId"), algorithm, keyFile, keyEnv,
                Optional.ofNullable(s.get("keyId")).map(JsonNode::asText),
                s.has("scope") ? s.get("scope").asText() : "system/*.rs");
    }

    private static String text(Path file, JsonNode node, String name) {
        JsonNode v = node.get(name);
        require(file, v != null && v.isTextual() && !v.asText().isBlank(), "auth.smart." + name + " is required");
        return v.asText();
    }

    private static String env(Path file, String setting, String name) {
        require(file, name == null || ENV.matcher(name).matches(),
                setting + " names an environment variable (upper case, digits, underscores), never the secret itself");
        return name;
    }

    private static void require(Path file, boolean ok, String problem) {
        if (!ok) throw new ConnectorDefinitionException(file, problem);
    }
}
