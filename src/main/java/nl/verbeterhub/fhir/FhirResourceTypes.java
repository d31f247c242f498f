package nl.verbeterhub.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.diagnostiek.DiagnostiekTheme;
import nl.verbeterhub.theme.eigen.EigenTheme;
import nl.verbeterhub.theme.kwetsbaar.KwetsbaarTheme;

/** The resource types a FHIR connector's records come from: domain.md §6's, and those of the themes it lists. */
public final class FhirResourceTypes {

    /** The types every FHIR connector reads (domain.md §6). */
    public static final List<String> ALWAYS = List.of("Patient", "Encounter", "Observation", "Procedure");

    private FhirResourceTypes() {
    }

    /** In a stable order: the ones always read, then each listed theme's (themes.md §1.3, §2.3, §3.3, §4.4). */
    public static List<String> of(Set<Theme> themes) {
        List<String> types = new ArrayList<>(ALWAYS);
        if (themes.contains(KwetsbaarTheme.THEME)) types.add("DocumentReference");
        if (themes.contains(DiagnostiekTheme.THEME)) types.addAll(List.of("DiagnosticReport", "ServiceRequest", "Task"));
        if (themes.contains(EigenTheme.THEME)) types.add("MeasureReport");
        return List.copyOf(types);
    }
}
