package nl.verbeterhub.remote;

import java.time.Duration;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.connector.SourceSettings;

/** What the route templates of remote connectors need to know of a connector's settings. */
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
}
