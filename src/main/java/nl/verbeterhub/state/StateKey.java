package nl.verbeterhub.state;

import nl.verbeterhub.record.RecordType;

/**
 * The identity of a kept record: {@code {agb}:{recordType}:{pseudonymised record id}} — the key of the
 * record-state topic, partitioned by the AGB so that one instance owns a whole hospital.
 */
public record StateKey(String agb, RecordType type, String recordKey) {

    /** The AGB part of a state key, for the partitioner. */
    public static String agbOf(String key) {
        int first = key.indexOf(':');
        return first < 0 ? key : key.substring(0, first);
    }

    @Override
    public String toString() {
        return agb + ":" + type.name() + ":" + recordKey;
    }
}
