package nl.verbeterhub.theme.antistolling;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import nl.verbeterhub.theme.Sentences;
import nl.verbeterhub.theme.Suppression;
import nl.verbeterhub.theme.ThemeYear;

/** ANTISTOLLING figures of one hospital-year (themes.md §2.4); the counts are over E, elective procedures. */
final class AntistollingYear implements ThemeYear {

    private static final String P = "/indicators/";

    long dataUntil = Long.MIN_VALUE;
    long procedures;
    long patients;
    final long[] byAnticoagulant = new long[AnticoagulantClass.values().length];
    long planOnTime;
    boolean planRecordedDelivered;
    long lowRiskWithPlan;
    long lowRiskContinued;
    long doacWithPlan;
    long doacBridged;
    long vkaInterrupted;
    long vkaInrChecked;
    boolean inrDelivered;
    long postponedKnown;
    long postponed;
    /** Null when the hospital has no shifts. */
    String rosterUntil;
    /** Null when P_Y is empty. */
    Coverage.Period coverage;

    @Override
    public long dataUntil() {
        return dataUntil;
    }

    @Override
    public void writeIndicators(ObjectNode o, Suppression s) {
        s.count(o, "procedures", P + "procedures", procedures);
        s.count(o, "patients", P + "patients", patients);
        ObjectNode by = o.putObject("byAnticoagulant");
        for (AnticoagulantClass c : AnticoagulantClass.values()) {
            s.count(by, c.name(), P + "byAnticoagulant/" + c.name(), byAnticoagulant[c.ordinal()]);
        }
        if (planRecordedDelivered) s.share(o, "planOnTimeShare", P + "planOnTimeShare", planOnTime, procedures);
        else o.putNull("planOnTimeShare");
        s.share(o, "continuedAtLowRiskShare", P + "continuedAtLowRiskShare", lowRiskContinued, lowRiskWithPlan);
        s.share(o, "doacBridgedShare", P + "doacBridgedShare", doacBridged, doacWithPlan);
        if (inrDelivered) s.share(o, "vkaInrCheckedShare", P + "vkaInrCheckedShare", vkaInrChecked, vkaInterrupted);
        else o.putNull("vkaInrCheckedShare");
        s.share(o, "postponedShare", P + "postponedShare", postponed, postponedKnown);
        writeExpertise(o.putObject("expertise"));
    }

    /** Never suppressed: the roster is about the hospital, not about patients. */
    private void writeExpertise(ObjectNode e) {
        e.put("rosterUntil", rosterUntil);
        if (coverage == null) {
            e.putNull("coverageShare");
            e.putNull("uncoveredMinutes");
            e.putNull("longestGapMinutes");
            return;
        }
        long uncovered = coverage.seconds() - coverage.coveredSeconds;
        e.put("coverageShare", share(coverage.coveredSeconds, coverage.seconds()));
        e.put("uncoveredMinutes", Math.floorDiv(uncovered, 60));
        e.put("longestGapMinutes", Math.floorDiv(coverage.longestGapSeconds, 60));
    }

    /** As {@link Suppression} writes a share: exact, half-up to 4 decimals, trailing zeros dropped. */
    private static BigDecimal share(long numerator, long denominator) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP)
                .stripTrailingZeros();
    }

    @Override
    public String checkSentence(int year, ObjectNode indicators) {
        return "In " + year + " zijn " + Sentences.wholeOrUnknown(indicators.get("procedures"))
                + " electieve ingrepen bij patiënten met antistolling geregistreerd; beleid tijdig vastgelegd: "
                + Sentences.percentOneDecimal(indicators.get("planOnTimeShare"))
                + "; stollingsexpertise bereikbaar: "
                + Sentences.percentOneDecimal(indicators.at("/expertise/coverageShare")) + " van de tijd.";
    }
}
