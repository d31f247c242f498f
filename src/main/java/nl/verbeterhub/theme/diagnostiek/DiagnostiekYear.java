package nl.verbeterhub.theme.diagnostiek;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.verbeterhub.theme.MinuteHistogram;
import nl.verbeterhub.theme.Sentences;
import nl.verbeterhub.theme.Suppression;
import nl.verbeterhub.theme.ThemeYear;
import nl.verbeterhub.theme.Windows;
import nl.verbeterhub.time.Amsterdam;

/** DIAGNOSTIEK figures of one hospital-year (themes.md §3.4), over R: the results anchored in the year. */
final class DiagnostiekYear implements ThemeYear {

    private static final String AT = "/indicators/";

    private final long observedUntil;
    private final long criticalNotifyMinutes;

    long results;
    long patients;
    final long[] byDiscipline = new long[Discipline.values().length];
    /** Some result of R has {@code acknowledged_at}: the column is delivered for R (themes.md §0.3). */
    boolean acknowledgementDelivered;
    final Windows.Share acknowledged = new Windows.Share();
    final MinuteHistogram ackMinutes = new MinuteHistogram();
    final Windows.Share lost = new Windows.Share();
    long critical;
    /** Some critical result of R has {@code critical_notified_at} or {@code acknowledged_at} ("nd all of"). */
    boolean criticalEventDelivered;
    final Windows.Share criticalPassedOn = new Windows.Share();
    long dataUntil = Long.MIN_VALUE;

    DiagnostiekYear(long observedUntil, long criticalNotifyMinutes) {
        this.observedUntil = observedUntil;
        this.criticalNotifyMinutes = criticalNotifyMinutes;
    }

    @Override
    public long dataUntil() {
        return dataUntil;
    }

    @Override
    public void writeIndicators(ObjectNode o, Suppression s) {
        s.count(o, "results", AT + "results", results);
        s.count(o, "patients", AT + "patients", patients);
        ObjectNode disciplines = o.putObject("byDiscipline");
        for (Discipline d : Discipline.values()) {
            s.count(disciplines, d.key(), AT + "byDiscipline/" + d.key(), byDiscipline[d.ordinal()]);
        }
        acknowledged.write(o, "acknowledgedOnTimeShare", AT + "acknowledgedOnTimeShare", s, acknowledgementDelivered);
        s.percentiles(o, "ackMinutes", AT + "ackMinutes", ackMinutes);
        // The one nullable count (themes.md §0.7): unseen results cannot be told from an export without the column.
        // Its share is the late part, lost / (seen in time + lost), not a window's on-time share.
        if (acknowledgementDelivered) {
            s.count(o, "lostResults", AT + "lostResults", lost.late());
            s.share(o, "lostResultShare", AT + "lostResultShare", lost.late(), lost.onTime() + lost.late());
        } else {
            o.putNull("lostResults");
            o.putNull("lostResultShare");
        }
        s.count(o, "criticalResults", AT + "criticalResults", critical);
        criticalPassedOn.write(o, "criticalNotifiedOnTimeShare", AT + "criticalNotifiedOnTimeShare", s,
                criticalEventDelivered);
        o.put("observedUntil", Amsterdam.format(observedUntil));
    }

    @Override
    public String checkSentence(int year, ObjectNode indicators) {
        return "In " + year + " zijn " + Sentences.wholeOrUnknown(indicators.get("results"))
                + " uitslagen geregistreerd; op tijd gezien: "
                + Sentences.percentOneDecimal(indicators.get("acknowledgedOnTimeShare"))
                + "; kritieke uitslagen binnen " + criticalNotifyMinutes + " minuten gemeld: "
                + Sentences.percentOneDecimal(indicators.get("criticalNotifiedOnTimeShare")) + ".";
    }
}
