package nl.verbeterhub.kafka;

import nl.verbeterhub.config.HubProperties;

/**
 * Where the topics live: the intake cluster (drafts, rejections) and the cluster of the hub's own
 * topics (record state, extract commits) — the same one unless configured apart.
 */
public record KafkaEndpoints(String intake, String internal, HubProperties.Topics topics, KafkaClients.ProducerSettings producerSettings) {
}
