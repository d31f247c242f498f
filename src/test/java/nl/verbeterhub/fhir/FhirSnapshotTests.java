package nl.verbeterhub.fhir;

import static nl.verbeterhub.support.FhirJson.admission;
import static nl.verbeterhub.support.FhirJson.painScore;
import static nl.verbeterhub.support.FhirJson.vbi;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import nl.verbeterhub.support.FhirJson;
import nl.verbeterhub.support.Fixture;
import nl.verbeterhub.theme.pijn.PainTheme;
import nl.verbeterhub.theme.vbi.VbiTheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshot FHIR extracts (domain.md §2, decision 50): complete for the record types of the resource types
 * they hold, so that a lone pain export of a snapshot connector never empties its VBI registrations.
 */
class FhirSnapshotTests {

    private static final String AT = "2025-05-01T08:00:00+02:00";
    private static final String HEAVY = "123961000146106";

    @TempDir
    Path dir;

    @Test
    void aSnapshotRemovesWhatItNoLongerHoldsOnlyForTheTypesItHolds() throws Exception {
        Path full = dir.resolve("full");
        FhirJson.ndjson(full.resolve("Procedure.ndjson"), vbi("v1", "Patient/p1", HEAVY, AT, null),
                vbi("v2", "Patient/p1", HEAVY, AT, null));
        FhirJson.ndjson(full.resolve("Encounter.ndjson"), admission("a1", "Patient/p1", AT, null));
        FhirJson.ndjson(full.resolve("Observation.ndjson"), painScore("o1", "Patient/p1", AT, "NRS", 5),
                painScore("o2", "Patient/p1", AT, "NRS", 5));
        try (Fixture f = new Fixture(dir)) {
            f.deliverFhirSnapshot("fhir", Set.of(2025), full);
            assertThat(f.indicators(VbiTheme.THEME, 2025).get("registrations").asInt()).isEqualTo(2);

            f.deliverFhirSnapshot("fhir", Set.of(2025), FhirJson.ndjson(dir.resolve("pain/Observation.ndjson"),
                    painScore("o1", "Patient/p1", AT, "NRS", 5)));
            assertThat(f.indicators(PainTheme.THEME, 2025).get("measurements").asInt()).as("o2 is gone").isEqualTo(1);
            assertThat(f.indicators(VbiTheme.THEME, 2025).get("registrations").asInt()).as("no Procedure held").isEqualTo(2);
            assertThat(f.indicators(VbiTheme.THEME, 2025).get("admissions").asInt()).as("no Encounter held").isEqualTo(1);

            f.deliverFhirSnapshot("fhir", Set.of(2025), FhirJson.ndjson(dir.resolve("vbi/Procedure.ndjson"),
                    vbi("v2", "Patient/p1", HEAVY, AT, null)));
            assertThat(f.indicators(VbiTheme.THEME, 2025).get("registrations").asInt()).as("v1 is gone").isEqualTo(1);
        }
    }
}
