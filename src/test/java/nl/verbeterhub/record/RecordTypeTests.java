package nl.verbeterhub.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.verbeterhub.csv.HeaderMapping;
import nl.verbeterhub.extract.UnusableFileException;
import nl.verbeterhub.theme.antistolling.AntistollingTheme;
import nl.verbeterhub.theme.eigen.EigenTheme;
import nl.verbeterhub.theme.kwetsbaar.KwetsbaarTheme;
import nl.verbeterhub.theme.nuchter.FastingTheme;
import nl.verbeterhub.theme.pijn.PainTheme;
import nl.verbeterhub.theme.vbi.VbiTheme;
import org.junit.jupiter.api.Test;

/**
 * The record types' tables as data: columns found by name, one-of groups recognised from the table, and
 * header recognition that needs each type's required set and one column of each of its groups.
 */
class RecordTypeTests {

    @Test
    void everyTableStartsWithItsIdAndThePatientWhichSourcesRelyOn() {
        for (RecordType type : RecordType.records()) {
            assertThat(type.columns().get(0).name()).as(type.name()).endsWith("_id");
            if (type.hasPatient()) assertThat(type.column("patient_id")).as(type.name()).isEqualTo(1);
        }
        assertThat(RecordType.records()).filteredOn(t -> !t.hasPatient())
                .containsExactly(AntistollingTheme.ANTISTOLLING_SHIFT, EigenTheme.EIGEN_MONTH, EigenTheme.EIGEN_MILESTONE);
    }

    @Test
    void aColumnIsFoundByNameAndAnUnknownNameFailsLoudly() {
        assertThat(FastingTheme.NUCHTER.column("urgency")).isEqualTo(7);
        assertThat(PainTheme.PIJN.column("scale")).isEqualTo(4);
        assertThatThrownBy(() -> PainTheme.PIJN.column("no_such_column"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PIJN has no column no_such_column");
    }

    @Test
    void oneOfGroupsComeFromTheTable() {
        assertThat(FastingTheme.NUCHTER.oneOfGroups()).containsExactly(Map.entry("age", List.of("age_years", "birth_date")));
        assertThat(KwetsbaarTheme.KWETSBAAR.oneOfGroups()).containsExactly(Map.entry("age", List.of("age_years", "birth_date")));
        assertThat(VbiTheme.VBI.oneOfGroups()).isEmpty();
    }

    @Test
    void eachTypesRequiredSetWithOneColumnOfEachGroupIsRecognisedAsThatTypeAlone() throws Exception {
        // themes.md §0.5: all ten CSV record types; no required set contains another's, so none matches two.
        assertThat(RecordType.records()).hasSize(10);
        for (RecordType type : RecordType.records()) {
            for (List<String> header : minimalHeaders(type)) {
                assertThat(HeaderMapping.resolve(header, Map.of(), Optional.empty()).type()).as(header.toString()).isEqualTo(type);
            }
        }
    }

    @Test
    void aHeaderWithoutAnyColumnOfAGroupIsNotRecognised() {
        List<String> header = List.of("procedure_id", "patient_id", "induction_at");
        assertThatThrownBy(() -> HeaderMapping.resolve(header, Map.of(), Optional.empty()))
                .isInstanceOf(UnusableFileException.class)
                .satisfies(e -> assertThat(((UnusableFileException) e).reason()).isEqualTo(UnusableFileException.Reason.UNKNOWN_HEADER));
        assertThatThrownBy(() -> HeaderMapping.resolve(header, Map.of(), Optional.of(FastingTheme.NUCHTER)))
                .isInstanceOf(UnusableFileException.class).hasMessageContaining("age_years or birth_date");
    }

    /** The required columns plus one column of each one-of group, for every choice of that column. */
    private static List<List<String>> minimalHeaders(RecordType type) {
        List<String> required = type.columns().stream().filter(Column::required).map(Column::name).toList();
        List<List<String>> headers = new ArrayList<>(List.of(required));
        for (List<String> group : type.oneOfGroups().values()) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> h : headers) {
                for (String choice : group) {
                    List<String> with = new ArrayList<>(h);
                    with.add(choice);
                    next.add(with);
                }
            }
            headers = next;
        }
        return headers;
    }
}
