package nl.verbeterhub.kafka;

import nl.verbeterhub.config.HubProperties;

/**
 * Where the topics live: the intake cluster (drafts, rejections) and the cluster of the hub's own
 * topics (record state, extract commits) — the same one unless configured apart — and how every client
 * connects to them (one {@link KafkaSecurity} for both).
 */
public record KafkaEndpoints(String intake, String internal, HubProperties.Topics topics, KafkaClients.ProducerSettings producerSettings,
                             KafkaSecurity security) {

    /** PLAINTEXT clusters: the embedded broker, tests. */
    public KafkaEndpoints(String intake, String internal, HubProperties.Topics topics, KafkaClients.ProducerSettings producerSettings) {
        this(intake, internal, topics, producerSettings, KafkaSecurity.PLAINTEXT);
    }
}
