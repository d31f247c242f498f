package nl.verbeterhub.fhir;

import java.util.Set;
import java.util.TreeSet;
import nl.verbeterhub.admission.Admissions;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.antistolling.AntistollingTheme;
import nl.verbeterhub.theme.diagnostiek.DiagnostiekTheme;
import nl.verbeterhub.theme.eigen.EigenTheme;
import nl.verbeterhub.theme.kwetsbaar.KwetsbaarTheme;
import nl.verbeterhub.theme.nuchter.FastingTheme;
import nl.verbeterhub.theme.pijn.PainTheme;
import nl.verbeterhub.theme.vbi.VbiTheme;

/**
 * What one FHIR connector reads: domain.md §6's records always, a further theme's only when the connector
 * lists it (themes.md §0.6). It decides which resource types are parsed at all and which wait for the
 * joined pass ({@link Pass#JOINED}), whose records need facts read before them.
 */
final class FhirScope {

    private static final Set<RecordType> ALWAYS = Set.of(VbiTheme.VBI, FastingTheme.NUCHTER, PainTheme.PIJN,
            Admissions.ADMISSION);
    final boolean kwetsbaar;
    final boolean antistolling;
    final boolean diagnostiek;
    final boolean eigen;
    private final Set<String> parsed;

    FhirScope(Set<Theme> themes) {
        parsed = Set.copyOf(FhirResourceTypes.of(themes));
        kwetsbaar = themes.contains(KwetsbaarTheme.THEME);
        antistolling = themes.contains(AntistollingTheme.THEME);
        diagnostiek = themes.contains(DiagnostiekTheme.THEME);
        eigen = themes.contains(EigenTheme.THEME);
    }

    /** The record types an extract of this connector may hold (rosters and milestones are CSV only). */
    Set<RecordType> types() {
        Set<RecordType> types = new TreeSet<>(ALWAYS);
        if (kwetsbaar) types.add(KwetsbaarTheme.KWETSBAAR);
        if (antistolling) types.add(AntistollingTheme.ANTISTOLLING);
        if (diagnostiek) types.add(DiagnostiekTheme.DIAGNOSTIEK);
        if (eigen) types.add(EigenTheme.EIGEN_MONTH);
        return types;
    }

    /** Whether a resource of this type is parsed: else it is counted by its type alone (domain.md §6, "Counting"). */
    boolean parsed(String resourceType) {
        return parsed.contains(resourceType);
    }

    /** Records that join what other resources say: read in the joined pass, after those. */
    boolean joined(String resourceType) {
        return resourceType.equals("Procedure") || (diagnostiek && resourceType.equals("DiagnosticReport"));
    }

    /**
     * Read in the records pass and once more in the joined pass: an admission Encounter is an ADMISSION
     * record and gives procedures their urgency first, then becomes an elderly admission with its screenings
     * and documents (themes.md §1.3).
     */
    boolean rereadWhenJoined(String resourceType) {
        return kwetsbaar && resourceType.equals("Encounter");
    }

    /** Whether the joined pass reads a resource of this type at all. */
    boolean inJoinedPass(String resourceType) {
        return joined(resourceType) || rereadWhenJoined(resourceType);
    }
}
