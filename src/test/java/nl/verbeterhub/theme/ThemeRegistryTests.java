package nl.verbeterhub.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.verbeterhub.json.HubJson;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.theme.pijn.PainTheme;
import nl.verbeterhub.theme.vbi.VbiTheme;
import org.junit.jupiter.api.Test;

/**
 * Themes and record types come from the theme packages' definitions, registered once in
 * META-INF/services; nothing else lists them (issue 15, "a theme is one package").
 */
class ThemeRegistryTests {

    @Test
    void theRegisteredThemesAreTheSevenVerbeterdoelenInTheirOrder() {
        assertThat(Theme.values()).extracting(Theme::name)
                .containsExactly("VBI", "NUCHTER", "PIJN", "KWETSBAAR", "ANTISTOLLING", "DIAGNOSTIEK", "EIGEN");
        assertThat(Theme.values()).isSorted();
        assertThat(Theme.valueOf("PIJN")).isSameAs(PainTheme.THEME);
        assertThatThrownBy(() -> Theme.valueOf("pijn")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown theme pijn");
        Theme unregistered = Theme.define("LOS", "not in META-INF/services");
        assertThatThrownBy(() -> unregistered.compareTo(PainTheme.THEME)).hasMessageContaining("LOS is not registered");
    }

    @Test
    void eachDefinitionDefinesItsRecordTypesInItsOwnPackageOrAdmissionsForVbi() {
        for (ThemeDefinition definition : Theme.definitions()) {
            String pkg = definition.getClass().getPackageName();
            assertThat(definition.recordTypes()).as(definition.theme().name()).containsAll(definition.theme().feedingTypes());
            for (RecordType type : definition.recordTypes()) {
                assertThat(Theme.of(type)).as(type.name()).isSameAs(definition.theme());
            }
            assertThat(pkg).startsWith("nl.verbeterhub.theme.");
            assertThat(definition.module(ThemeSettings.defaults()).theme()).isSameAs(definition.theme());
            assertThat(definition.module(ThemeSettings.defaults()).parsers().keySet())
                    .as("%s parses every type it defines", definition.theme())
                    .containsExactlyInAnyOrderElementsOf(definition.recordTypes());
        }
    }

    @Test
    void recordTypesHaveUniqueIdsAndNamesAndTheLinkFeedsNoTheme() {
        List<RecordType> all = RecordType.records();
        Set<Byte> ids = new HashSet<>();
        for (RecordType type : all) {
            assertThat(ids.add(type.id())).as("id of %s", type).isTrue();
            assertThat(RecordType.ofId(type.id())).isSameAs(type);
            assertThat(RecordType.valueOf(type.name())).isSameAs(type);
        }
        assertThat(all).doesNotContain(RecordType.PATIENT_LINK);
        assertThat(RecordType.ofStateName("PATIENT_LINK")).contains(RecordType.PATIENT_LINK);
        assertThat(Theme.of(RecordType.PATIENT_LINK)).isNull();
        assertThat(RecordType.ofCode("vbi")).contains(VbiTheme.VBI);
        assertThatThrownBy(() -> RecordType.ofId((byte) 99)).hasMessage("unknown record type id 99");
        assertThatThrownBy(() -> RecordType.define(0, "X", null, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordType.define(12, "lower", null, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void themesAndTypesAreWrittenAndReadInJsonByTheirNames() throws Exception {
        record Holder(Theme theme, RecordType type) {
        }
        String json = HubJson.MAPPER.writeValueAsString(new Holder(VbiTheme.THEME, VbiTheme.VBI));
        assertThat(json).isEqualTo("{\"theme\":\"VBI\",\"type\":\"VBI\"}");
        JsonNode tree = HubJson.MAPPER.readTree(json);
        Holder back = HubJson.MAPPER.treeToValue(tree, Holder.class);
        assertThat(back.theme()).isSameAs(VbiTheme.THEME);
        assertThat(back.type()).isSameAs(VbiTheme.VBI);
    }
}
