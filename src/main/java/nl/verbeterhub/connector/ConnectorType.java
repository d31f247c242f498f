package nl.verbeterhub.connector;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The closed set of source types a connector file may name with {@code type}. Each has settings of its
 * own besides the common ones and a route template of the same name in {@code routes/}. Remote sources
 * (a FHIR server, bulk {@code $export}, SFTP) will join this set.
 */
public enum ConnectorType {
    /** CSV files dropped in a folder. */
    CSV_INBOX("csv-inbox", Set.of("recordType", "charset", "columns")),
    /** FHIR R4 bulk exports (a sub-folder of NDJSON files), Bundles and lone NDJSON files dropped in a folder. */
    FHIR_INBOX("fhir-inbox", Set.of("patientIdentifierSystem", "recordIdentifierSystem"));

    /** Settings every type takes. */
    public static final Set<String> COMMON = Set.of("id", "hospital", "type", "inbox", "mode", "snapshotYears",
            "pollDelay", "expect", "uploadTokens");

    private final String code;
    private final Set<String> settings;

    ConnectorType(String code, Set<String> settings) {
        this.code = code;
        this.settings = settings;
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
