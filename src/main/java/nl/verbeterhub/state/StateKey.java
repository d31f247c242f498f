package nl.verbeterhub.state;

import nl.verbeterhub.record.RecordType;

/**
 * The identity of a kept record: {@code {agb}:{recordType}:{pseudonymised record id}} — the key of the
 * record-state topic, partitioned by the AGB so that one instance owns a whole hospital.
 */
public record StateKey(String agb, RecordType type, String recordKey) {

    public static StateKey parse(String key) {
        int first = key.indexOf(':');
        int second = key.indexOf(':', first + 1);
        if (first < 0 || second < 0) {
            throw new IllegalArgumentException("not a state key");
        }
        RecordType type = RecordType.ofCode(key.substring(first + 1, second))
                .orElseThrow(() -> new IllegalArgumentException("unknown record type in state key"));
        return new StateKey(key.substring(0, first), type, key.substring(second + 1));
    }

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
