package nl.verbeterhub.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The charts of a hospital's drafts, each year a series side by side: heavy VBI per month and by score,
 * the pain shares, the fasting percentiles and shares. Written into the page as one JSON block that
 * {@code console.js} hands to Chart.js; no script is generated.
 */
final class DraftCharts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
            "Oct", "Nov", "Dec");

    /** A chart on the page: its canvas, its title. */
    record ChartView(String id, String title) {
    }

    /** One chart: indicators (labels) × years (series), in a unit. */
    private record Spec(String id, String title, String unit, List<String> labels, List<String> pointers) {
    }

    private static final Map<String, List<Spec>> SPECS = Map.of(
            "VBI", List.of(
                    new Spec("vbi-heavy-by-month", "Heavy VBI per month", "count", MONTHS, null),
                    new Spec("vbi-by-score", "VBI by score", "count", List.of("1", "2", "3", "4", "5 (heavy)"),
                            List.of("/byScore/1", "/byScore/2", "/byScore/3", "/byScore/4", "/byScore/5"))),
            "PIJN", List.of(
                    new Spec("pijn-shares", "Pain: shares of scores and days", "percent",
                            List.of("Calling for action", "Severe pain", "Followed up ≤ 60 min", "Days with 3+ scores",
                                    "Vulnerable: calling for action", "Vulnerable: followed up ≤ 60 min"),
                            List.of("/painShare", "/severePainShare", "/followUpWithin60Share", "/patientDays3PlusShare",
                                    "/vulnerable/painShare", "/vulnerable/followUpWithin60Share"))),
            "NUCHTER", List.of(
                    new Spec("nuchter-percentiles", "Fasting time, median and p90", "minutes",
                            List.of("Clear fluid, median", "Clear fluid, p90", "Solid, median", "Solid, p90"),
                            List.of("/clearFluidFastingMinutes/median", "/clearFluidFastingMinutes/p90",
                                    "/solidFastingMinutes/median", "/solidFastingMinutes/p90")),
                    new Spec("nuchter-shares", "Children fasting longer than advised", "percent",
                            List.of("Clear fluid > 1 h", "Clear fluid > 2 h", "Solid > 8 h"),
                            List.of("/clearFluidOver1hShare", "/clearFluidOver2hShare", "/solidOver8hShare"))));

    private DraftCharts() {
    }

    /** The charts a theme's section shows. */
    static List<ChartView> charts(String theme) {
        return SPECS.getOrDefault(theme, List.of()).stream().map(s -> new ChartView(s.id(), s.title())).toList();
    }

    /**
     * {@code {"vbi-heavy-by-month": {"title", "unit", "labels": […], "datasets": [{"label": "2025", "data": […]}]}}},
     * a value hidden by the small-group rule as null (a gap). Safe inside a {@code <script>} element: no
     * {@code <}, {@code >} or {@code &} is left unescaped.
     */
    static String json(SortedMap<String, ObjectNode> drafts) {
        ObjectNode charts = JSON.createObjectNode();
        DraftView.byTheme(drafts).forEach((theme, years) -> {
            for (Spec spec : SPECS.getOrDefault(theme, List.of())) {
                ObjectNode chart = charts.putObject(spec.id());
                chart.put("title", spec.title()).put("unit", spec.unit());
                spec.labels().forEach(chart.putArray("labels")::add);
                ArrayNode datasets = chart.putArray("datasets");
                for (ObjectNode draft : years) {
                    ObjectNode set = datasets.addObject();
                    set.put("label", draft.path("period").path("year").asText()
                            + (draft.path("period").path("complete").asBoolean(true) ? "" : " (so far)"));
                    values(spec, draft.path("indicators"), set.putArray("data"));
                }
            }
        });
        try {
            return scriptSafe(JSON.writeValueAsString(charts));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void values(Spec spec, JsonNode indicators, ArrayNode data) {
        if (spec.pointers() == null) {
            JsonNode months = indicators.path("heavyByMonth");
            for (int m = 0; m < MONTHS.size(); m++) add(data, months.path(m), false);
            return;
        }
        for (String pointer : spec.pointers()) add(data, indicators.at(pointer), spec.unit().equals("percent"));
    }

    private static void add(ArrayNode data, JsonNode value, boolean percent) {
        if (!value.isNumber()) {
            data.addNull();
        } else if (percent) {
            data.add(new BigDecimal(DraftView.percent(value.decimalValue())));
        } else {
            data.add(value.decimalValue());
        }
    }

    /** JSON inside an HTML {@code <script>}: {@code <}, {@code >}, {@code &} occur only in strings, as escapes. */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }
}
