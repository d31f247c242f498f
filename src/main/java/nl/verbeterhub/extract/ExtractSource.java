package nl.verbeterhub.extract;

import java.time.Instant;
import java.util.Set;
import nl.verbeterhub.csv.CsvExtractReader;

/**
 * One delivered extract and how its connector reads it.
 *
 * @param name the file name as delivered
 * @param sha256 hex SHA-256 of its bytes
 * @param snapshot the extract is complete for the years it covers (else records are upserted)
 * @param snapshotYears the years a snapshot covers; empty: the years of its accepted anchors
 */
public record ExtractSource(String agb, String connector, String name, String sha256, Instant receivedAt,
                            boolean snapshot, Set<Integer> snapshotYears, CsvExtractReader.Options csv) {
}
