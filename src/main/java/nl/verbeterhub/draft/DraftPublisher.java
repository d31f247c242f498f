package nl.verbeterhub.draft;

import nl.verbeterhub.json.HubJson;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * Sends drafts to the intake topic through the {@code publish-draft} route, with CloudEvents headers in
 * binary mode (domain.md §4), and tombstones for drafts that no longer exist.
 */
public final class DraftPublisher {

    public static final String ENDPOINT = "direct:publish-draft";
    public static final String TYPE = "nl.verbeterdoelen.draft.v1";

    private final ProducerTemplate template;
    private final String source;

    /** @param source the URI naming this hub deployment ({@code ce_source}) */
    public DraftPublisher(ProducerTemplate template, String source) {
        this.template = template;
        this.source = source;
    }

    public void publish(Draft draft) {
        byte[] value;
        try {
            value = HubJson.MAPPER.writeValueAsBytes(draft.value());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        send(draft.key(), value, draft.value().get("generatedAt").asText());
    }

    public void tombstone(String key) {
        send(key, null, null);
    }

    private void send(String key, byte[] value, String time) {
        Exchange result = template.send(ENDPOINT, exchange -> {
            var m = exchange.getIn();
            m.setHeader(KafkaConstants.KEY, key);
            if (value != null) {
                m.setHeader("ce_specversion", "1.0");
                m.setHeader("ce_id", UUID.randomUUID().toString());
                m.setHeader("ce_source", source);
                m.setHeader("ce_type", TYPE);
                m.setHeader("ce_time", time);
                m.setHeader("ce_subject", key);
                m.setHeader("content-type", "application/json");
            }
            m.setBody(value);
        });
        if (result.getException() != null) {
            throw new DraftPublishException(key, result.getException());
        }
    }

    /** Publishing failed; the draft is published again by the next regeneration. */
    public static final class DraftPublishException extends RuntimeException {
        DraftPublishException(String key, Exception cause) {
            super("could not publish draft " + key + ": " + cause.getClass().getSimpleName(), cause);
        }
    }
}
