package nl.verbeterhub.fhir;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import nl.verbeterhub.admission.Admissions;
import nl.verbeterhub.extract.RecordConsumer;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.theme.antistolling.AntistollingTheme;
import nl.verbeterhub.theme.diagnostiek.DiagnostiekTheme;
import nl.verbeterhub.theme.kwetsbaar.KwetsbaarTheme;
import nl.verbeterhub.theme.nuchter.FastingTheme;
import nl.verbeterhub.theme.pijn.PainTheme;
import nl.verbeterhub.theme.vbi.VbiTheme;

/**
 * A Bundle {@code DELETE} (domain.md §6): removes the records of that id (or, conditional on an identifier,
 * that identifier), in the pass that reads the resource type, so that entries keep their order: an
 * Encounter's admission in the records pass, its elderly admission in the joined pass (one removal).
 */
final class BundleDeletes {

    private final RecordConsumer consumer;
    private final FhirScope scope;
    private final Optional<String> recordSystem;

    /** Sorted, so that a DELETE's tombstones go out in the same order on every run. */
    private static final SortedSet<RecordType> PROCEDURE_TYPES = Collections.unmodifiableSortedSet(
            new TreeSet<>(List.of(VbiTheme.VBI, FastingTheme.NUCHTER)));
    private static final SortedSet<RecordType> PROCEDURE_TYPES_WITH_ANTISTOLLING =
            Collections.unmodifiableSortedSet(new TreeSet<>(List.of(VbiTheme.VBI, FastingTheme.NUCHTER, AntistollingTheme.ANTISTOLLING)));

    BundleDeletes(RecordConsumer consumer, FhirScope scope, Optional<String> recordSystem) {
        this.consumer = consumer;
        this.scope = scope;
        this.recordSystem = recordSystem;
    }

    /** False when the request cannot be read at all. */
    boolean delete(String url, Pass pass) {
        String id = BundleRequests.deletedId(url, recordSystem);
        if (BundleRequests.UNREADABLE.equals(id)) return false;
        if (id == null) return true;
        String type = String.valueOf(BundleRequests.type(url));
        if (pass == Pass.JOINED && type.equals("Encounter")) {
            consumer.removeAgain(Set.of(KwetsbaarTheme.KWETSBAAR), id);
            return true;
        }
        switch (type) {
            case "Observation" -> consumer.remove(PainTheme.PIJN, id);
            case "Encounter" -> consumer.remove(Admissions.ADMISSION, id);
            case "Procedure" -> consumer.remove(scope.antistolling ? PROCEDURE_TYPES_WITH_ANTISTOLLING : PROCEDURE_TYPES, id);
            case "DiagnosticReport" -> {
                if (scope.diagnostiek) consumer.remove(DiagnostiekTheme.DIAGNOSTIEK, id);
            }
            default -> {
                // no record type
            }
        }
        return true;
    }
}
