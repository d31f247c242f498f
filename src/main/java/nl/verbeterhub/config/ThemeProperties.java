package nl.verbeterhub.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.verbeterhub.theme.ThemeSettings;
import nl.verbeterhub.theme.antistolling.AntistollingSettings;
import nl.verbeterhub.theme.diagnostiek.DiagnostiekSettings;
import nl.verbeterhub.theme.eigen.OwnGoals;
import nl.verbeterhub.theme.kwetsbaar.KwetsbaarSettings;
import nl.verbeterhub.theme.pijn.PainScales;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hub.themes.*}: the thresholds of the four further themes (themes.md §1.5, §2.5, §3.5, §4.1), each
 * with the contract's default. Codes and classes are matched case-insensitively, as the records' values are.
 */
public record ThemeProperties(@DefaultValue Kwetsbaar kwetsbaar, @DefaultValue Antistolling antistolling,
                              @DefaultValue Diagnostiek diagnostiek, @DefaultValue Eigen eigen) {

    /** Every theme's settings; reads the own-goal definitions, which fails naming file and field when one is invalid. */
    public ThemeSettings toSettings(PainScales pain) {
        return new ThemeSettings(pain, kwetsbaar.toSettings(), antistolling.toSettings(), diagnostiek.toSettings(),
                OwnGoals.load(eigen.definitionsDir()));
    }

    public record Kwetsbaar(@DefaultValue("70") int minAge, @DefaultValue("1440") long minStayMinutes,
                            @DefaultValue("1440") long screeningWindowMinutes,
                            @DefaultValue("43200") long screeningLookbackMinutes,
                            @DefaultValue("1440") long letterMaxMinutes,
                            @DefaultValue("1440") long medicationOverviewMaxMinutes,
                            @DefaultValue("deceased") Set<String> transferExcludedDestinations) {

        KwetsbaarSettings toSettings() {
            return new KwetsbaarSettings(minAge, minStayMinutes, screeningWindowMinutes, screeningLookbackMinutes,
                    letterMaxMinutes, medicationOverviewMaxMinutes, lower(transferExcludedDestinations));
        }
    }

    /**
     * @param anticoagulantAtc ATC prefix → class; when given it replaces the default table
     */
    public record Antistolling(Map<String, String> anticoagulantAtc, @DefaultValue("1440") long planLeadMinutes,
                               @DefaultValue({"VKA", "DOAC"}) Set<String> continueAtLowRiskClasses,
                               @DefaultValue("1") int inrMaxDaysBefore, @DefaultValue("20160") long maxShiftMinutes,
                               @DefaultValue AntistollingFhir fhir) {

        AntistollingSettings toSettings() {
            AntistollingSettings defaults = AntistollingSettings.defaults();
            Map<String, String> atc = anticoagulantAtc == null || anticoagulantAtc.isEmpty()
                    ? defaults.anticoagulantAtc() : upper(anticoagulantAtc);
            return new AntistollingSettings(atc, planLeadMinutes, upper(continueAtLowRiskClasses), inrMaxDaysBefore,
                    maxShiftMinutes, fhir.inrCodes());
        }
    }

    public record AntistollingFhir(@DefaultValue({"6301-6", "34714-6"}) List<String> inrCodes) {
    }

    public record Diagnostiek(@DefaultValue("10080") long ackRoutineMinutes, @DefaultValue("1440") long ackUrgentMinutes,
                              @DefaultValue("43200") long lostResultMinutes, @DefaultValue("60") long criticalNotifyMinutes,
                              @DefaultValue DiagnostiekFhir fhir) {

        DiagnostiekSettings toSettings() {
            DiagnostiekSettings defaults = DiagnostiekSettings.defaults();
            Map<String, String> disciplines = fhir.disciplineCodes() == null || fhir.disciplineCodes().isEmpty()
                    ? defaults.fhirDisciplineCodes() : keysUpper(fhir.disciplineCodes(), Locale.ROOT);
            return new DiagnostiekSettings(ackRoutineMinutes, ackUrgentMinutes, lostResultMinutes, criticalNotifyMinutes,
                    fhir.criticalInterpretationCodes(), disciplines);
        }
    }

    /**
     * @param disciplineCodes HL7 v2 0074 code → lab, radiology or pathology; when given it replaces the default table
     */
    public record DiagnostiekFhir(@DefaultValue({"AA", "HH", "LL"}) List<String> criticalInterpretationCodes,
                                  Map<String, String> disciplineCodes) {
    }

    /** @param definitionsDir one {@code {agb}.yaml} own-goal definition per hospital */
    public record Eigen(@DefaultValue("goals") Path definitionsDir) {
    }

    private static Set<String> lower(Set<String> values) {
        return values.stream().map(v -> v.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    private static Set<String> upper(Set<String> values) {
        return values.stream().map(v -> v.trim().toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** Keys and values upper-cased: an environment variable's map key arrives lower-cased. */
    private static Map<String, String> upper(Map<String, String> map) {
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k.trim().toUpperCase(Locale.ROOT), v.trim().toUpperCase(Locale.ROOT)));
        return Map.copyOf(out);
    }

    /** Keys upper-cased, values lower-cased (discipline names). */
    private static Map<String, String> keysUpper(Map<String, String> map, Locale locale) {
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k.trim().toUpperCase(locale), v.trim().toLowerCase(locale)));
        return Map.copyOf(out);
    }
}
