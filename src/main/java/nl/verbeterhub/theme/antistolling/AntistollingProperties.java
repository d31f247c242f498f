package nl.verbeterhub.theme.antistolling;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.verbeterhub.theme.ThemeProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hub.themes.antistolling.*}: the thresholds of themes.md §2.5 with the contract's defaults. Codes
 * and classes are matched case-insensitively, as the records' values are.
 *
 * @param anticoagulantAtc ATC prefix → class; when given it replaces the default table
 */
public record AntistollingProperties(Map<String, String> anticoagulantAtc, @DefaultValue("1440") long planLeadMinutes,
                                     @DefaultValue({"VKA", "DOAC"}) Set<String> continueAtLowRiskClasses,
                                     @DefaultValue("1") int inrMaxDaysBefore, @DefaultValue("20160") long maxShiftMinutes,
                                     @DefaultValue Fhir fhir) implements ThemeProperties<AntistollingSettings> {

    /** @param inrCodes the LOINC codes of an INR Observation */
    public record Fhir(@DefaultValue({"6301-6", "34714-6"}) List<String> inrCodes) {
    }

    @Override
    public AntistollingSettings toSettings() {
        Map<String, String> atc = anticoagulantAtc == null || anticoagulantAtc.isEmpty()
                ? AntistollingSettings.defaults().anticoagulantAtc()
                : ThemeProperties.cased(anticoagulantAtc, AntistollingProperties::upper, AntistollingProperties::upper);
        return new AntistollingSettings(atc, planLeadMinutes, ThemeProperties.cased(continueAtLowRiskClasses, AntistollingProperties::upper),
                inrMaxDaysBefore, maxShiftMinutes, fhir.inrCodes());
    }

    private static String upper(String value) {
        return value.toUpperCase(Locale.ROOT);
    }
}
