package nl.verbeterhub.connector;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The YAML shape of a connector file, before validation; see connectors/README.md. Which of the
 * settings a file may give depends on its {@code type} ({@link ConnectorType#takes}).
 */
record ConnectorFile(
        String id,
        Hospital hospital,
        String type,
        String inbox,
        String mode,
        List<Integer> snapshotYears,
        String pollDelay,
        Expect expect,
        List<String> uploadTokens,
        // csv-inbox
        String recordType,
        String charset,
        Map<String, String> columns,
        // fhir-inbox
        String patientIdentifierSystem,
        String recordIdentifierSystem,
        List<String> themes,
        // fhir-server, fhir-bulk-export
        String baseUrl,
        String pollInterval,
        JsonNode auth,
        Integer pageSize,
        String exportLevel,
        String group,
        // sftp-inbox
        String format,
        String host,
        Integer port,
        String path,
        String user,
        String privateKeyEnv,
        String passwordEnv,
        String knownHosts) {

    record Hospital(String agb, String name) {
    }

    record Expect(String every, String by) {
    }
}
