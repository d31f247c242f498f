package nl.verbeterhub.draft;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import nl.verbeterhub.theme.Theme;

/**
 * A draft submission for one hospital × theme × year, ready to publish.
 *
 * @param value the whole draft JSON, {@code generatedAt} and {@code contentHash} included
 * @param contentHash {@code sha256:…} of the draft without those two fields
 */
public record Draft(String agb, Theme theme, int year, ObjectNode value, String contentHash, Instant generatedAt) {

    /** The Kafka key {@code {agb}:{theme}:{year}}. */
    public String key() {
        return key(agb, theme, year);
    }

    public static String key(String agb, Theme theme, int year) {
        return agb + ":" + theme.name() + ":" + year;
    }
}
