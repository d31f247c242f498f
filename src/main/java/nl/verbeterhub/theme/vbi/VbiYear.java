package nl.verbeterhub.theme.vbi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.verbeterhub.theme.MinuteHistogram;
import nl.verbeterhub.theme.Sentences;
import nl.verbeterhub.theme.Suppression;
import nl.verbeterhub.theme.ThemeYear;

/** VBI figures of one hospital-year (domain.md §3, "VBI"). */
final class VbiYear implements ThemeYear {

    long registrations;
    final long[] byScore = new long[5];
    long heavy;
    long patients;
    long patientsWithHeavy;
    final MinuteHistogram heavyDurations = new MinuteHistogram();
    long heavyWithAlternatives;
    long heavyAlternativesKnown;
    final long[] heavyByMonth = new long[12];
    long dataUntil = Long.MIN_VALUE;
    /** Null when the hospital never delivered admissions. */
    Long admissions;

    @Override
    public long dataUntil() {
        return dataUntil;
    }

    @Override
    public void writeIndicators(ObjectNode o, Suppression s) {
        s.count(o, "registrations", "/indicators/registrations", registrations);
        ObjectNode scores = o.putObject("byScore");
        for (int i = 0; i < 5; i++) {
            s.count(scores, String.valueOf(i + 1), "/indicators/byScore/" + (i + 1), byScore[i]);
        }
        s.count(o, "heavy", "/indicators/heavy", heavy);
        s.share(o, "heavyShare", "/indicators/heavyShare", heavy, registrations);
        s.count(o, "patients", "/indicators/patients", patients);
        s.count(o, "patientsWithHeavy", "/indicators/patientsWithHeavy", patientsWithHeavy);
        s.percentiles(o, "heavyDurationMinutes", "/indicators/heavyDurationMinutes", heavyDurations);
        s.share(o, "heavyWithAlternativesShare", "/indicators/heavyWithAlternativesShare",
                heavyWithAlternatives, heavyAlternativesKnown);
        ArrayNode months = o.putArray("heavyByMonth");
        for (int m = 0; m < 12; m++) {
            ObjectNode holder = o.objectNode();
            s.count(holder, "v", "/indicators/heavyByMonth/" + m, heavyByMonth[m]);
            months.add(holder.get("v"));
        }
        if (admissions == null) {
            o.putNull("admissions");
            o.putNull("heavyPer1000Admissions");
        } else {
            s.count(o, "admissions", "/indicators/admissions", admissions);
            s.rate(o, "heavyPer1000Admissions", "/indicators/heavyPer1000Admissions", heavy, admissions, 1000, 2);
        }
    }

    @Override
    public String checkSentence(int year, ObjectNode indicators) {
        return "In " + year + " zijn " + Sentences.number(indicators.get("registrations"))
                + " VBI geregistreerd, waarvan " + Sentences.number(indicators.get("heavy")) + " zwaar (score 5).";
    }
}
