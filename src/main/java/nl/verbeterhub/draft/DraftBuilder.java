package nl.verbeterhub.draft;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.verbeterhub.extract.ExtractCommit;
import nl.verbeterhub.extract.ExtractLog;
import nl.verbeterhub.extract.Sha256;
import nl.verbeterhub.extract.TypeCounts;
import nl.verbeterhub.state.RecordStore;
import nl.verbeterhub.theme.Suppression;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.ThemeCalculator;
import nl.verbeterhub.theme.ThemeYear;
import nl.verbeterhub.time.Amsterdam;

/**
 * Builds the drafts of domain.md §4 from the record state and the extract log: a deterministic function
 * of both, never a running sum (design-notes §1). Used alike by the routes and by {@code validate}.
 */
public final class DraftBuilder {

    public static final int SCHEMA_VERSION = 1;

    private final RecordStore store;
    private final ExtractLog extracts;
    private final Map<Theme, ThemeCalculator> calculators;
    private final int minimumGroupSize;
    private final Function<String, String> hospitalNames;

    /**
     * @param minimumGroupSize the small-group {@code k} (1: off)
     * @param hospitalNames AGB → display name
     */
    public DraftBuilder(RecordStore store, ExtractLog extracts, Map<Theme, ThemeCalculator> calculators,
                        int minimumGroupSize, Function<String, String> hospitalNames) {
        this.store = store;
        this.extracts = extracts;
        this.calculators = calculators;
        this.minimumGroupSize = minimumGroupSize;
        this.hospitalNames = hospitalNames;
    }

    /** Every draft of this hospital and theme: one per year with at least one accepted record. */
    public List<Draft> build(String agb, Theme theme, Instant now) {
        List<Draft> drafts = new ArrayList<>();
        Map<Integer, ? extends ThemeYear> years = calculators.get(theme).compute(store, agb, type -> extracts.delivered(agb, type));
        List<ExtractLog.ConnectorHistory> sources = extracts.contributing(agb, theme);
        years.forEach((year, figures) -> drafts.add(draft(agb, theme, year, figures, sources, now)));
        return drafts;
    }

    private Draft draft(String agb, Theme theme, int year, ThemeYear figures,
                        List<ExtractLog.ConnectorHistory> sources, Instant now) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode d = f.objectNode();
        d.put("schemaVersion", SCHEMA_VERSION);
        ObjectNode hospital = d.putObject("hospital");
        hospital.put("agb", agb);
        hospital.put("name", hospitalNames.apply(agb));
        ObjectNode themeNode = d.putObject("theme");
        themeNode.put("code", theme.name());
        themeNode.put("title", theme.title());
        ObjectNode period = d.putObject("period");
        period.put("year", year);
        period.put("complete", Amsterdam.yearEnded(year, now));
        period.put("dataUntil", Amsterdam.format(figures.dataUntil()));
        d.put("status", "DRAFT");

        Suppression suppression = new Suppression(minimumGroupSize);
        ObjectNode indicators = d.putObject("indicators");
        figures.writeIndicators(indicators, suppression);
        ObjectNode pdca = d.putObject("pdca");
        pdca.putNull("plan");
        pdca.putNull("do");
        pdca.put("check", figures.checkSentence(year, indicators));
        pdca.putNull("act");
        writeDataQuality(d.putObject("dataQuality"), theme, sources, suppression);
        writeSources(d.putArray("sources"), theme, sources);

        String contentHash = CanonicalJson.sha256(d);
        d.put("generatedAt", Amsterdam.format(now));
        d.put("contentHash", contentHash);
        return new Draft(agb, theme, year, d, contentHash, now);
    }

    /** Sums the latest committed extract of every contributing connector, all years in it. */
    private static void writeDataQuality(ObjectNode q, Theme theme, List<ExtractLog.ConnectorHistory> sources,
                                         Suppression suppression) {
        TypeCounts sum = new TypeCounts();
        sources.forEach(s -> sum.add(s.latest().countsFor(theme)));
        q.put("recordsRead", sum.read());
        q.put("recordsAccepted", sum.accepted());
        q.put("recordsRejected", sum.rejectedTotal());
        ObjectNode byReason = q.putObject("rejectedByReason");
        sum.rejectedByReason().forEach((reason, n) -> byReason.put(reason.name(), n));
        ArrayNode suppressed = q.putArray("suppressed");
        suppression.suppressed().forEach(suppressed::add);
    }

    private static void writeSources(ArrayNode out, Theme theme, List<ExtractLog.ConnectorHistory> sources) {
        for (ExtractLog.ConnectorHistory s : sources) {
            ExtractCommit latest = s.latest();
            ObjectNode source = out.addObject();
            source.put("connector", s.connector());
            source.put("extracts", s.extracts());
            ObjectNode l = source.putObject("latest");
            l.put("name", latest.name());
            l.put("sha256", Sha256.published(latest.sha256()));
            l.put("records", latest.countsFor(theme).read());
            l.put("receivedAt", Amsterdam.format(latest.receivedAt()));
        }
    }
}
