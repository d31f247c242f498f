package nl.verbeterhub.extract;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.verbeterhub.record.ReasonCode;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.theme.Theme;

/**
 * One rejected record as published on {@code verbeterhub.rejections.v1}: where it was and why, never what
 * it held (no raw line, no parser message, no identifier, no resource id).
 *
 * @param resourceType the FHIR resource the record came from; null for CSV
 * @param field the failing column, or null for a malformed row
 * @param secondOfResource whether the record is its FHIR resource's second ({@link RecordConsumer#record})
 */
public record Rejection(String agb, String connector, String extractName, String sha256, Position position,
                        RecordType recordType, String resourceType, ReasonCode reason, String field,
                        boolean secondOfResource) {

    public static final int SCHEMA_VERSION = 1;

    /**
     * {@code {agb}:{connector}:{sha256}:{file}:{position}}: a replay's duplicates share it. A FHIR resource's
     * second record (an Encounter's elderly admission, a Procedure's anticoagulation) adds
     * {@code :{recordType}}, so that one resource's two rejections never share a key.
     */
    public String key() {
        String key = agb + ":" + connector + ":" + sha256 + ":" + position.key();
        return secondOfResource ? key + ":" + recordType.name() : key;
    }

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("schemaVersion", SCHEMA_VERSION);
        o.putObject("hospital").put("agb", agb);
        o.put("connector", connector);
        ObjectNode extract = o.putObject("extract");
        extract.put("name", extractName);
        extract.put("sha256", Sha256.published(sha256));
        position.write(o.putObject("position"));
        o.put("recordType", recordType.name());
        o.put("theme", Theme.of(recordType).name());
        o.put("resourceType", resourceType);
        o.put("field", field);
        o.put("reason", reason.name());
        return o;
    }
}
