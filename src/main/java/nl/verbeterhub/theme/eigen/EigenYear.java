package nl.verbeterhub.theme.eigen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import nl.verbeterhub.theme.Sentences;
import nl.verbeterhub.theme.Suppression;
import nl.verbeterhub.theme.ThemeYear;

/**
 * EIGEN figures of one hospital-year (themes.md §4.5): per indicator of the definition its twelve months,
 * per milestone its status for the year.
 *
 * <p>A record is matched to the definition case-insensitively. Should the definition respell an id, the
 * months delivered before and after the change are two records; the one in the current spelling (the later
 * one) then fills the slot.
 */
final class EigenYear implements ThemeYear {

    private static final int MONTHS = 12;
    private static final byte EMPTY = 0;
    private static final byte OTHER_SPELLING = 1;
    private static final byte SPELLING = 2;

    private final OwnGoal goal;
    private final long[][] numerators;
    private final long[][] denominators;
    private final byte[][] filled;
    private final MilestoneStatus[] statuses;
    private final byte[] statusFilled;
    private long dataUntil = Long.MIN_VALUE;

    EigenYear(OwnGoal goal) {
        this.goal = goal;
        int n = goal.indicators().size();
        numerators = new long[n][MONTHS];
        denominators = new long[n][MONTHS];
        filled = new byte[n][MONTHS];
        statuses = new MilestoneStatus[goal.milestones().size()];
        statusFilled = new byte[statuses.length];
    }

    void seen(long anchor) {
        dataUntil = Math.max(dataUntil, anchor);
    }

    /** @param month 1 to 12 */
    void month(MonthRecord record, int month) {
        int i = goal.indicatorIndex(record.indicatorId());
        if (i < 0) return;
        OwnGoalIndicator indicator = goal.indicators().get(i);
        // Kept while the indicator was still a count: no share to give.
        if (indicator.proportion() && !record.hasDenominator()) return;
        byte rank = rank(record.indicatorId(), indicator.id());
        if (rank < filled[i][month - 1]) return;
        filled[i][month - 1] = rank;
        numerators[i][month - 1] = record.numerator();
        denominators[i][month - 1] = indicator.proportion() ? record.denominator() : 0;
    }

    void milestone(MilestoneRecord record) {
        int i = goal.milestoneIndex(record.milestoneId());
        if (i < 0) return;
        byte rank = rank(record.milestoneId(), goal.milestones().get(i).id());
        if (rank < statusFilled[i]) return;
        statusFilled[i] = rank;
        statuses[i] = record.status();
    }

    private static byte rank(String kept, String defined) {
        return kept.equals(defined) ? SPELLING : OTHER_SPELLING;
    }

    @Override
    public long dataUntil() {
        return dataUntil;
    }

    @Override
    public void writeIndicators(ObjectNode o, Suppression s) {
        if (goal.defined()) {
            ObjectNode g = o.putObject("goal");
            g.put("id", goal.id());
            g.put("title", goal.title());
        } else {
            o.putNull("goal");
        }
        ArrayNode measures = o.putArray("measures");
        for (int i = 0; i < goal.indicators().size(); i++) writeMeasure(measures.addObject(), i, s);
        writeMilestones(o.putObject("milestones"));
    }

    private void writeMeasure(ObjectNode m, int i, Suppression s) {
        OwnGoalIndicator indicator = goal.indicators().get(i);
        String at = "/indicators/measures/" + i + "/";
        m.put("id", indicator.id());
        m.put("title", indicator.title());
        m.put("scoring", indicator.scoring().code());
        m.put("direction", indicator.direction().code());
        if (indicator.target() == null) m.putNull("target");
        else m.set("target", DecimalNode.valueOf(indicator.target()));
        long months = 0;
        long numerator = 0;
        long denominator = 0;
        for (int month = 0; month < MONTHS; month++) {
            if (filled[i][month] == EMPTY) continue;
            months++;
            numerator += numerators[i][month];
            denominator += denominators[i][month];
        }
        m.put("monthsReported", months);
        if (months == 0) {
            m.putNull("numerator");
            m.putNull("denominator");
            m.putNull("value");
        } else {
            s.count(m, "numerator", at + "numerator", numerator);
            if (indicator.proportion()) {
                s.count(m, "denominator", at + "denominator", denominator);
                s.share(m, "value", at + "value", numerator, denominator);
            } else {
                m.putNull("denominator");
                s.count(m, "value", at + "value", numerator);
            }
        }
        // From the exact fraction, and only where the value itself is published.
        if (m.get("value").isNull() || indicator.target() == null) m.putNull("targetMet");
        else m.put("targetMet", indicator.met(numerator, denominator));
        ArrayNode byMonth = m.putArray("byMonth");
        ObjectNode cell = JsonNodeFactory.instance.objectNode();
        for (int month = 0; month < MONTHS; month++) {
            String pointer = at + "byMonth/" + month;
            if (filled[i][month] == EMPTY) cell.putNull("v");
            else if (indicator.proportion()) s.share(cell, "v", pointer, numerators[i][month], denominators[i][month]);
            else s.count(cell, "v", pointer, numerators[i][month]);
            byMonth.add(cell.get("v"));
        }
    }

    private void writeMilestones(ObjectNode o) {
        long[] byStatus = new long[MilestoneStatus.values().length];
        long reported = 0;
        for (MilestoneStatus status : statuses) {
            if (status == null) continue;
            byStatus[status.ordinal()]++;
            reported++;
        }
        o.put("total", statuses.length);
        o.put("planned", byStatus[MilestoneStatus.PLANNED.ordinal()]);
        o.put("inProgress", byStatus[MilestoneStatus.IN_PROGRESS.ordinal()]);
        o.put("done", byStatus[MilestoneStatus.DONE.ordinal()]);
        o.put("dropped", byStatus[MilestoneStatus.DROPPED.ordinal()]);
        o.put("unreported", statuses.length - reported);
    }

    @Override
    public String checkSentence(int year, ObjectNode indicators) {
        long delivered = 0;
        for (JsonNode measure : indicators.get("measures")) {
            if (measure.get("monthsReported").asLong() > 0) delivered++;
        }
        JsonNode goalNode = indicators.get("goal");
        String title = goalNode.isNull() ? "onbekend" : goalNode.get("title").asText();
        JsonNode milestones = indicators.get("milestones");
        return "In " + year + " zijn voor '" + title + "' " + delivered + " van " + goal.indicators().size()
                + " indicatoren aangeleverd; mijlpalen gereed: " + Sentences.wholeOrUnknown(milestones.get("done"))
                + " van " + Sentences.wholeOrUnknown(milestones.get("total")) + ".";
    }
}
