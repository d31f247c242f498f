package nl.verbeterhub.extract;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a source saw besides records, kept with the extract's commit marker and shown by {@code validate}:
 * for FHIR, the resources read per type and the lines or entries that were no parsable resource (by
 * position only, never content), and a bulk export's {@code transactionTime}.
 *
 * @param resourcesRead resource type → resources read, every type (ignored ones too); empty for CSV
 * @param unparsable lines or entries that were no parsable resource
 * @param firstUnparsable the positions of the first few of them
 * @param removed records the extract removed ({@code entered-in-error}, a Bundle {@code DELETE}); counted by the core
 * @param transactionTime the {@code $export} manifest's, or null
 */
public record SourceReport(Map<String, Long> resourcesRead, long unparsable, List<String> firstUnparsable,
                           long removed, Instant transactionTime) {

    public static final SourceReport NONE = new SourceReport(Map.of(), 0, List.of(), 0, null);

    /** How many positions of unparsable lines a report keeps. */
    public static final int SHOWN_UNPARSABLE = 20;

    public boolean isEmpty() {
        return resourcesRead.isEmpty() && unparsable == 0 && removed == 0 && transactionTime == null;
    }

    public SourceReport withRemoved(long removed) {
        return new SourceReport(resourcesRead, unparsable, firstUnparsable, removed, transactionTime);
    }
}
