package nl.verbeterhub.inbox;

import java.util.Map;
import java.util.Set;
import nl.verbeterhub.extract.ExtractCommit;
import nl.verbeterhub.theme.Theme;

/**
 * What became of a delivered file.
 *
 * @param redelivery the connector had already committed these bytes; nothing was read
 * @param themes the themes whose drafts the extract feeds
 * @param lastRecordOffsets per partition of the record-state topic, the last offset the extract wrote
 * @param commit the commit marker written; null for a re-delivery
 */
public record ExtractOutcome(String agb, String sha256, boolean redelivery, Set<Theme> themes,
                             Map<Integer, Long> lastRecordOffsets, ExtractCommit commit) {
}
