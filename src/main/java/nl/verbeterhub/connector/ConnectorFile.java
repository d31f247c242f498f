package nl.verbeterhub.connector;

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
        String recordIdentifierSystem) {

    record Hospital(String agb, String name) {
    }

    record Expect(String every, String by) {
    }
}
