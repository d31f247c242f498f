package nl.verbeterhub.theme.antistolling;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code hub.themes.antistolling.*} (themes.md §2.5).
 *
 * @param anticoagulantAtc ATC prefix → class ({@code VKA}, {@code DOAC}, {@code LMWH}, {@code TAR}, {@code DAPT});
 *                         a code is classed by its longest prefix here
 * @param fhirInrCodes LOINC codes of an INR Observation
 */
public record AntistollingSettings(Map<String, String> anticoagulantAtc, long planLeadMinutes,
                                   Set<String> continueAtLowRiskClasses, int inrMaxDaysBefore, long maxShiftMinutes,
                                   List<String> fhirInrCodes) {

    public static AntistollingSettings defaults() {
        Map<String, String> atc = new LinkedHashMap<>();
        atc.put("B01AA", "VKA");
        atc.put("B01AE07", "DOAC");
        atc.put("B01AF", "DOAC");
        atc.put("B01AB", "LMWH");
        atc.put("B01AC", "TAR");
        return new AntistollingSettings(Map.copyOf(atc), 1440, Set.of("VKA", "DOAC"), 1, 20160, List.of("6301-6", "34714-6"));
    }
}
