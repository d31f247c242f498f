package nl.verbeterhub.connector;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The closed set of source types a connector file may name with {@code type}. Each has settings of its
 * own besides the common ones and a route template of the same name in {@code routes/}. A remote source
 * (a FHIR server, bulk {@code $export}, SFTP) has a second route, its pull, that delivers into the
 * connector's local inbox: the inbox route of the format it delivers does the rest.
 */
public enum ConnectorType {
    /** CSV files dropped in a folder. */
    CSV_INBOX("csv-inbox", Set.of("recordType", "charset", "columns")),
    /** FHIR R4 bulk exports (a sub-folder of NDJSON files), Bundles and lone NDJSON files dropped in a folder. */
    FHIR_INBOX("fhir-inbox", Set.of("patientIdentifierSystem", "recordIdentifierSystem", "themes")),
    /** A FHIR R4 server searched on a schedule, each run an extract. */
    FHIR_SERVER("fhir-server", Set.of("patientIdentifierSystem", "recordIdentifierSystem", "themes", "baseUrl",
            "pollInterval", "auth", "pageSize")),
    /** A FHIR server's bulk {@code $export}, kicked off on a schedule, each export an extract. */
    FHIR_BULK_EXPORT("fhir-bulk-export", Set.of("patientIdentifierSystem", "recordIdentifierSystem", "themes",
            "baseUrl", "pollInterval", "auth", "exportLevel", "group")),
    /** CSV files, Bundles, NDJSON files or bulk-export folders picked up from an SFTP server. */
    SFTP_INBOX("sftp-inbox", Set.of("format", "recordType", "charset", "columns", "patientIdentifierSystem",
            "recordIdentifierSystem", "themes", "host", "port", "path", "user", "privateKeyEnv", "passwordEnv", "knownHosts",
            "pollInterval"));

    /** Settings every type takes. */
    public static final Set<String> COMMON = Set.of("id", "hospital", "type", "inbox", "mode", "snapshotYears",
            "pollDelay", "expect", "uploadTokens");

    private final String code;
    private final Set<String> settings;

    ConnectorType(String code, Set<String> settings) {
        this.code = code;
        this.settings = settings;
    }

    /** Whether a pull route fetches what the inbox route reads. */
    public boolean remote() {
        return this != CSV_INBOX && this != FHIR_INBOX;
    }

    /** As written in a connector file, and the id of the type's route template. */
    public String code() {
        return code;
    }

    /** Whether a connector of this type takes the setting. */
    public boolean takes(String setting) {
        return COMMON.contains(setting) || settings.contains(setting);
    }

    public static Optional<ConnectorType> ofCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(ConnectorType::code).toList();
    }
}
