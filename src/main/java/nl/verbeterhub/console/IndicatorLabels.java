package nl.verbeterhub.console;

import java.util.Map;

/** Readable names of the drafts' indicators (domain.md §3); an indicator not listed shows its own name. */
final class IndicatorLabels {

    private static final Map<String, String> LABELS = Map.ofEntries(
            // VBI
            Map.entry("registrations", "VBI registered"),
            Map.entry("byScore.1", "Score 1"),
            Map.entry("byScore.2", "Score 2"),
            Map.entry("byScore.3", "Score 3"),
            Map.entry("byScore.4", "Score 4"),
            Map.entry("byScore.5", "Score 5"),
            Map.entry("heavy", "Heavy VBI (score 5)"),
            Map.entry("heavyShare", "Heavy share of VBI"),
            Map.entry("patientsWithHeavy", "Patients with heavy VBI"),
            Map.entry("heavyDurationMinutes.median", "Heavy VBI duration, median (min)"),
            Map.entry("heavyDurationMinutes.p90", "Heavy VBI duration, p90 (min)"),
            Map.entry("heavyWithAlternativesShare", "Heavy VBI after alternatives"),
            Map.entry("admissions", "Clinical admissions"),
            Map.entry("heavyPer1000Admissions", "Heavy VBI per 1000 admissions"),
            // PIJN
            Map.entry("measurements", "Pain scores"),
            Map.entry("patients", "Patients"),
            Map.entry("painShare", "Scores calling for action"),
            Map.entry("severePainShare", "Severe pain"),
            Map.entry("followUpWithin60Share", "Followed up within 60 min"),
            Map.entry("patientDays", "Patient days"),
            Map.entry("patientDays3PlusShare", "Patient days with 3+ scores"),
            Map.entry("vulnerable.measurements", "Vulnerable: pain scores"),
            Map.entry("vulnerable.painShare", "Vulnerable: scores calling for action"),
            Map.entry("vulnerable.followUpWithin60Share", "Vulnerable: followed up within 60 min"),
            // NUCHTER
            Map.entry("procedures", "Elective procedures, children"),
            Map.entry("clearFluidFastingMinutes.median", "Clear fluid fasting, median (min)"),
            Map.entry("clearFluidFastingMinutes.p90", "Clear fluid fasting, p90 (min)"),
            Map.entry("solidFastingMinutes.median", "Solid fasting, median (min)"),
            Map.entry("solidFastingMinutes.p90", "Solid fasting, p90 (min)"),
            Map.entry("clearFluidOver1hShare", "Clear fluid fasting over 1 h"),
            Map.entry("clearFluidOver2hShare", "Clear fluid fasting over 2 h"),
            Map.entry("solidOver8hShare", "Solid fasting over 8 h"),
            Map.entry("clearFluidMissing", "Clear fluid time missing"));

    private IndicatorLabels() {
    }

    static String label(String name) {
        return LABELS.getOrDefault(name, name);
    }
}
