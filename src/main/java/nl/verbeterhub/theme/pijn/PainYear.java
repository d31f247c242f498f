package nl.verbeterhub.theme.pijn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.verbeterhub.theme.Sentences;
import nl.verbeterhub.theme.Suppression;
import nl.verbeterhub.theme.ThemeYear;

/** PIJN figures of one hospital-year (domain.md §3, "PIJN"). */
final class PainYear implements ThemeYear {

    long measurements;
    long patients;
    long needingAction;
    long severeEligible;
    long severe;
    long followedUp;
    long patientDays;
    long patientDays3Plus;
    long vulnerableMeasurements;
    long vulnerableNeedingAction;
    long vulnerableFollowedUp;
    long dataUntil = Long.MIN_VALUE;

    @Override
    public long dataUntil() {
        return dataUntil;
    }

    @Override
    public void writeIndicators(ObjectNode o, Suppression s) {
        s.count(o, "measurements", "/indicators/measurements", measurements);
        s.count(o, "patients", "/indicators/patients", patients);
        s.share(o, "painShare", "/indicators/painShare", needingAction, measurements);
        s.share(o, "severePainShare", "/indicators/severePainShare", severe, severeEligible);
        s.share(o, "followUpWithin60Share", "/indicators/followUpWithin60Share", followedUp, needingAction);
        s.count(o, "patientDays", "/indicators/patientDays", patientDays);
        s.share(o, "patientDays3PlusShare", "/indicators/patientDays3PlusShare", patientDays3Plus, patientDays);
        ObjectNode v = o.putObject("vulnerable");
        s.count(v, "measurements", "/indicators/vulnerable/measurements", vulnerableMeasurements);
        s.share(v, "painShare", "/indicators/vulnerable/painShare", vulnerableNeedingAction, vulnerableMeasurements);
        s.share(v, "followUpWithin60Share", "/indicators/vulnerable/followUpWithin60Share",
                vulnerableFollowedUp, vulnerableNeedingAction);
    }

    @Override
    public String checkSentence(int year, ObjectNode indicators) {
        String sentence = "In " + year + " zijn " + Sentences.number(indicators.get("measurements"))
                + " pijnscores vastgelegd";
        String pain = Sentences.percentage(indicators.get("painShare"));
        return pain == null ? sentence + "." : sentence + ", waarvan " + pain + " pijn die om actie vraagt.";
    }
}
