package nl.verbeterhub.remote;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.connector.SourceSettings;

/** What the route templates of remote connectors are given of a connector's settings (never a secret). */
public final class RemotePulls {

    private RemotePulls() {
    }

    /** Time between two pulls. */
    public static Duration interval(ConnectorConfig c) {
        SourceSettings s = c.settings();
        if (s instanceof SourceSettings.FhirServer server) return server.pollInterval();
        if (s instanceof SourceSettings.BulkExport export) return export.pollInterval();
        if (s instanceof SourceSettings.Sftp sftp) return sftp.pollInterval();
        throw new IllegalArgumentException(c.id() + " is no remote connector");
    }

    /**
     * The parameters of the connector's pull route template: {@code connectorId}, {@code interval} (ms),
     * {@code autoStartup}, {@code inbox}; for SFTP also {@code host}, {@code port}, {@code path}, {@code user},
     * {@code knownHosts} and the names (not values) of {@code privateKeyEnv} and {@code passwordEnv} ("" when unset).
     */
    public static Map<String, Object> parameters(ConnectorConfig c) {
        Map<String, Object> p = new HashMap<>();
        p.put("connectorId", c.id());
        p.put("interval", String.valueOf(interval(c).toMillis()));
        p.put("autoStartup", "false"); // started where the hospital is served (OwnedConnectors)
        p.put("inbox", c.inbox().toAbsolutePath().toString());
        if (c.settings() instanceof SourceSettings.Sftp s) {
            p.put("host", s.host());
            p.put("port", String.valueOf(s.port()));
            p.put("path", s.path());
            p.put("user", s.user());
            p.put("knownHosts", s.knownHosts().toAbsolutePath().toString());
            p.put("privateKeyEnv", s.privateKeyEnv().orElse(""));
            p.put("passwordEnv", s.passwordEnv().orElse(""));
        }
        return p;
    }
}
