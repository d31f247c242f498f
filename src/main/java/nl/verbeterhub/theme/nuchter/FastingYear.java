package nl.verbeterhub.theme.nuchter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.verbeterhub.theme.MinuteHistogram;
import nl.verbeterhub.theme.Sentences;
import nl.verbeterhub.theme.Suppression;
import nl.verbeterhub.theme.ThemeYear;

/** NUCHTER figures of one hospital-year, over children (&lt; 18) with elective procedures. */
final class FastingYear implements ThemeYear {

    static final long ONE_HOUR = 60;
    static final long TWO_HOURS = 120;
    static final long EIGHT_HOURS = 480;

    long procedures;
    final MinuteHistogram clearFluid = new MinuteHistogram();
    final MinuteHistogram solid = new MinuteHistogram();
    long clearOver1h;
    long clearOver2h;
    long solidOver8h;
    long clearMissing;
    long dataUntil = Long.MIN_VALUE;

    @Override
    public long dataUntil() {
        return dataUntil;
    }

    @Override
    public void writeIndicators(ObjectNode o, Suppression s) {
        s.count(o, "procedures", "/indicators/procedures", procedures);
        s.percentiles(o, "clearFluidFastingMinutes", "/indicators/clearFluidFastingMinutes", clearFluid);
        s.percentiles(o, "solidFastingMinutes", "/indicators/solidFastingMinutes", solid);
        s.share(o, "clearFluidOver1hShare", "/indicators/clearFluidOver1hShare", clearOver1h, clearFluid.size());
        s.share(o, "clearFluidOver2hShare", "/indicators/clearFluidOver2hShare", clearOver2h, clearFluid.size());
        s.share(o, "solidOver8hShare", "/indicators/solidOver8hShare", solidOver8h, solid.size());
        s.count(o, "clearFluidMissing", "/indicators/clearFluidMissing", clearMissing);
    }

    @Override
    public String checkSentence(int year, ObjectNode indicators) {
        String sentence = "In " + year + " zijn " + Sentences.number(indicators.get("procedures"))
                + " electieve ingrepen bij kinderen geregistreerd";
        String over2h = Sentences.percentage(indicators.get("clearFluidOver2hShare"));
        return over2h == null
                ? sentence + "."
                : sentence + "; bij " + over2h + " was het kind langer dan 2 uur nuchter voor heldere vloeistof.";
    }
}
