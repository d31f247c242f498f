package nl.verbeterhub.fhir;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.verbeterhub.extract.SourceReport;

/**
 * What a FHIR extract held besides records: resources read per type (known R4 types only, so no value of
 * the file ever becomes a key here) and the lines or entries that were no parsable resource, by position.
 */
final class FhirReport {

    private final Map<String, long[]> resources = new HashMap<>();
    // The previous resource's type and its counter: a bulk export file holds one type.
    private String type;
    private long[] count;
    private final List<String> firstUnparsable = new ArrayList<>();
    private long unparsable;

    void resource(String resourceType) {
        if (!resourceType.equals(type)) {
            type = resourceType;
            count = resources.computeIfAbsent(resourceType, t -> new long[1]);
        }
        count[0]++;
    }

    /** Whether the extract held a resource of this type (read in full or by its {@code resourceType}). */
    boolean held(String resourceType) {
        return resources.containsKey(resourceType);
    }

    void unparsable(String position) {
        unparsable++;
        if (firstUnparsable.size() < SourceReport.SHOWN_UNPARSABLE) firstUnparsable.add(position);
    }

    SourceReport toSourceReport(Instant transactionTime) {
        Map<String, Long> read = new TreeMap<>();
        resources.forEach((t, n) -> read.put(t, n[0]));
        return new SourceReport(Collections.unmodifiableMap(read), unparsable, List.copyOf(firstUnparsable), 0, transactionTime);
    }
}
