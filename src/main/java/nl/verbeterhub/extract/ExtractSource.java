package nl.verbeterhub.extract;

import java.time.Instant;
import java.util.Set;

/**
 * One delivered extract and what its connector says of it, whatever its source type.
 *
 * @param name the name as delivered (a file, or a bulk export's folder)
 * @param sha256 hex SHA-256 of its bytes (of a bulk export: of its files' SHA-256s, domain.md §6)
 * @param snapshot the extract is complete for the years it covers (else records are upserted)
 * @param snapshotYears the years a snapshot covers; empty: the years of its accepted anchors
 */
public record ExtractSource(String agb, String connector, String name, String sha256, Instant receivedAt,
                            boolean snapshot, Set<Integer> snapshotYears) {
}
