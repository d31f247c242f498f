package nl.verbeterhub.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import nl.verbeterhub.state.StateKey;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.utils.Utils;

/**
 * Puts every record of one hospital in one partition of the hub's internal topics (design-notes §3):
 * keys start with the AGB, and only the AGB is hashed, so one instance owns a whole hospital.
 */
public final class HospitalPartitioner implements Partitioner {

    @Override
    public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
        int partitions = cluster.partitionCountForTopic(topic);
        return partitionOf(StateKey.agbOf((String) key), partitions);
    }

    /** The partition of a hospital, the same function the default partitioner uses on the AGB's bytes. */
    public static int partitionOf(String agb, int partitions) {
        return Utils.toPositive(Utils.murmur2(agb.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
