package nl.verbeterhub.extract;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.theme.Theme;

/**
 * The commit marker of one extract (design-notes §2): written after every record of the extract, and
 * read back to recognise a re-delivery and to fill a draft's {@code sources} and {@code dataQuality}.
 * Carries counts and names only, never content.
 *
 * @param sha256 hex SHA-256 of the extract's bytes
 * @param counts per record type the extract held
 * @param report what the source saw besides records (FHIR resources per type, unparsable lines)
 * @param dominantProblems where most records of a type were rejected on one field for one reason, with the
 *        values' shape (usually none, rarely more than one); what a report shows first
 */
public record ExtractCommit(String agb, String connector, String name, String sha256, Instant receivedAt,
                            Instant committedAt, Map<RecordType, TypeCounts> counts, SourceReport report,
                            List<DominantProblem> dominantProblems) {

    public ExtractCommit {
        dominantProblems = dominantProblems == null ? List.of() : List.copyOf(dominantProblems);
    }

    /** A marker without dominant problems (as markers written before they were reported read). */
    public ExtractCommit(String agb, String connector, String name, String sha256, Instant receivedAt,
                         Instant committedAt, Map<RecordType, TypeCounts> counts, SourceReport report) {
        this(agb, connector, name, sha256, receivedAt, committedAt, counts, report, List.of());
    }

    /** The marker with another commit time. */
    public ExtractCommit withCommittedAt(Instant at) {
        return new ExtractCommit(agb, connector, name, sha256, receivedAt, at, counts, report, dominantProblems);
    }

    /** The counts of the record types that feed a theme (VBI: its registrations and the admissions). */
    public TypeCounts countsFor(Theme theme) {
        TypeCounts sum = new TypeCounts();
        for (RecordType type : theme.feedingTypes()) {
            TypeCounts c = counts.get(type);
            if (c != null) sum.add(c);
        }
        return sum;
    }

    public boolean delivered(RecordType type) {
        TypeCounts c = counts.get(type);
        return c != null && c.read() > 0;
    }
}
