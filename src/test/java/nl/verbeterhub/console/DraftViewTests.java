package nl.verbeterhub.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.TreeMap;
import nl.verbeterhub.json.HubJson;
import org.junit.jupiter.api.Test;

/** The console names each theme's indicators from that theme's own labels, in the themes' order. */
class DraftViewTests {

    private static ObjectNode draft(String code, int year, String indicators) throws Exception {
        return (ObjectNode) HubJson.MAPPER.readTree("""
                {"theme": {"code": "%s", "title": "t"}, "period": {"year": %d}, "indicators": %s}"""
                .formatted(code, year, indicators));
    }

    @Test
    void oneNameIsLabelledByItsOwnThemeAndAnUnknownOneShowsItself() throws Exception {
        TreeMap<String, ObjectNode> drafts = new TreeMap<>();
        drafts.put("a:ANTISTOLLING:2026", draft("ANTISTOLLING", 2026,
                "{\"procedures\": 3, \"expertise\": {\"coverageShare\": 0.9953}, \"somethingNew\": 1}"));
        drafts.put("a:NUCHTER:2026", draft("NUCHTER", 2026, "{\"procedures\": 5}"));
        drafts.put("a:ZZZ:2026", draft("ZZZ", 2026, "{\"procedures\": 1}"));
        List<DraftView.ThemeView> themes = DraftView.themes(drafts);
        assertThat(themes).extracting(DraftView.ThemeView::code).containsExactly("NUCHTER", "ANTISTOLLING", "ZZZ");
        assertThat(themes.get(0).rows()).extracting(DraftView.IndicatorRow::label).containsExactly("Elective procedures, children");
        assertThat(themes.get(1).rows()).extracting(DraftView.IndicatorRow::label).containsExactly(
                "Procedures on anticoagulation", "Expertise reachable (share of the time)", "somethingNew");
        assertThat(themes.get(2).rows()).extracting(DraftView.IndicatorRow::label).containsExactly("procedures");
    }
}
