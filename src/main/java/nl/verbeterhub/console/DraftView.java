package nl.verbeterhub.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import nl.verbeterhub.theme.Theme;

/**
 * A hospital's drafts as tables a quality officer compares: per theme, one column per year, one row per
 * indicator (shares as percentages; a value hidden by the small-group rule shown as such). Aggregates
 * only: the drafts hold nothing else.
 */
final class DraftView {

    private DraftView() {
    }

    record ThemeView(String code, String title, List<YearView> years, List<IndicatorRow> rows,
                     List<DraftCharts.ChartView> charts) {
    }

    record YearView(int year, boolean complete, String dataUntil, String status, long read, long accepted,
                    long rejected, String rejectedByReason, String check, String generatedAt) {
    }

    record IndicatorRow(String label, String name, List<String> values) {
    }

    static final String SUPPRESSED = "hidden (< k)";
    static final String NONE = "—";

    /** Per theme (in the themes' order, then any other), the years in order. */
    static List<ThemeView> themes(SortedMap<String, ObjectNode> drafts) {
        Map<String, List<ObjectNode>> byTheme = byTheme(drafts);
        List<ThemeView> themes = new ArrayList<>();
        byTheme.forEach((code, years) -> {
            List<YearView> yearViews = years.stream().map(DraftView::year).toList();
            themes.add(new ThemeView(code, years.get(0).path("theme").path("title").asText(code), yearViews,
                    rows(code, years), DraftCharts.charts(code)));
        });
        return themes;
    }

    /** The drafts by theme code in the themes' order, each theme's years ascending. */
    static Map<String, List<ObjectNode>> byTheme(SortedMap<String, ObjectNode> drafts) {
        Map<String, List<ObjectNode>> byTheme = new LinkedHashMap<>();
        for (Theme theme : Theme.values()) byTheme.put(theme.name(), new ArrayList<>());
        drafts.values().forEach(d -> byTheme.computeIfAbsent(d.path("theme").path("code").asText("?"), t -> new ArrayList<>())
                .add(d));
        byTheme.values().removeIf(List::isEmpty);
        byTheme.values().forEach(list -> list.sort((a, b) -> Integer.compare(a.path("period").path("year").asInt(),
                b.path("period").path("year").asInt())));
        return byTheme;
    }

    private static YearView year(ObjectNode d) {
        JsonNode q = d.path("dataQuality");
        StringBuilder reasons = new StringBuilder();
        q.path("rejectedByReason").properties().forEach(e -> reasons.append(reasons.isEmpty() ? "" : ", ")
                .append(e.getKey()).append(' ').append(e.getValue().asLong()));
        return new YearView(d.path("period").path("year").asInt(), d.path("period").path("complete").asBoolean(),
                d.path("period").path("dataUntil").asText(null), d.path("status").asText(null),
                q.path("recordsRead").asLong(), q.path("recordsAccepted").asLong(), q.path("recordsRejected").asLong(),
                reasons.toString(), d.path("pdca").path("check").asText(null), d.path("generatedAt").asText(null));
    }

    /** One row per indicator any of the years has, in the drafts' order; arrays (per month) are charted. */
    private static List<IndicatorRow> rows(String themeCode, List<ObjectNode> years) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (int i = 0; i < years.size(); i++) {
            ObjectNode d = years.get(i);
            Set<String> suppressed = new HashSet<>();
            d.path("dataQuality").path("suppressed").forEach(p -> suppressed.add(p.asText()));
            int column = i;
            flatten(d.path("indicators"), "", (name, value) -> {
                List<String> values = rows.computeIfAbsent(name, n -> new ArrayList<>());
                while (values.size() < column) values.add(NONE);
                values.add(format(name, value, suppressed));
            });
        }
        List<IndicatorRow> result = new ArrayList<>();
        rows.forEach((name, values) -> {
            List<String> padded = new ArrayList<>(values);
            while (padded.size() < years.size()) padded.add(NONE);
            result.add(new IndicatorRow(IndicatorLabels.label(themeCode, name), name, padded));
        });
        return result;
    }

    private interface Visitor {
        void value(String name, JsonNode value);
    }

    private static void flatten(JsonNode node, String prefix, Visitor visitor) {
        node.properties().forEach(e -> {
            String name = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue().isObject()) flatten(e.getValue(), name, visitor);
            else if (!e.getValue().isArray()) visitor.value(name, e.getValue());
        });
    }

    private static String format(String name, JsonNode value, Set<String> suppressed) {
        if (value == null || value.isNull()) {
            String pointer = "/indicators/" + name.replace('.', '/');
            String parent = pointer.contains("/") ? pointer.substring(0, pointer.lastIndexOf('/')) : pointer;
            return suppressed.contains(pointer) || suppressed.contains(parent) ? SUPPRESSED : NONE;
        }
        if (!value.isNumber()) return value.asText();
        if (name.endsWith("Share")) return percent(value.decimalValue()) + " %";
        if (value.isIntegralNumber()) return String.format(Locale.ROOT, "%,d", value.longValue());
        return value.decimalValue().stripTrailingZeros().toPlainString();
    }

    /** A share (0–1) as a percentage with one decimal. */
    static String percent(BigDecimal share) {
        return share.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
