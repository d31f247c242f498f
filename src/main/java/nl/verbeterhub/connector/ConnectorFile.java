package nl.verbeterhub.connector;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The YAML shape of a connector file, before validation; see connectors/README.md. */
record ConnectorFile(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) Hospital hospital,
        String type,
        @JsonProperty(required = true) String inbox,
        String recordType,
        String mode,
        List<Integer> snapshotYears,
        String charset,
        String pollDelay,
        Map<String, String> columns) {

    record Hospital(@JsonProperty(required = true) String agb, @JsonProperty(required = true) String name) {
    }
}
