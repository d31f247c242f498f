package nl.verbeterhub.support;

import nl.verbeterhub.json.HubJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.verbeterhub.kafka.TopicScan;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads a whole topic as a consumer of the hub would: from the beginning to the end, committed only. */
public final class TopicReader {

    private TopicReader() {
    }

    public static List<ConsumerRecord<String, byte[]>> readAll(String bootstrapServers, String topic) {
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        TopicScan.fromBeginningToEnd(bootstrapServers, topic, all::add);
        return all;
    }

    /** Every value published for one key, as JSON, in order; null for a tombstone. */
    public static List<com.fasterxml.jackson.databind.JsonNode> values(String bootstrapServers, String topic, String key)
            throws java.io.IOException {
        List<com.fasterxml.jackson.databind.JsonNode> values = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : readAll(bootstrapServers, topic)) {
            if (key.equals(r.key())) {
                values.add(r.value() == null ? null : HubJson.MAPPER.readTree(r.value()));
            }
        }
        return values;
    }

    /** The last value per key (null for a tombstone), in the order keys were first seen. */
    public static Map<String, byte[]> latest(String bootstrapServers, String topic) {
        Map<String, byte[]> latest = new LinkedHashMap<>();
        readAll(bootstrapServers, topic).forEach(r -> latest.put(r.key(), r.value()));
        return latest;
    }
}
