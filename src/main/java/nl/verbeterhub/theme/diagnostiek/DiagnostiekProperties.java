package nl.verbeterhub.theme.diagnostiek;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.verbeterhub.theme.ThemeProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code hub.themes.diagnostiek.*}: the thresholds of themes.md §3.5 with the contract's defaults. */
public record DiagnostiekProperties(@DefaultValue("10080") long ackRoutineMinutes, @DefaultValue("1440") long ackUrgentMinutes,
                                    @DefaultValue("43200") long lostResultMinutes, @DefaultValue("60") long criticalNotifyMinutes,
                                    @DefaultValue Fhir fhir) implements ThemeProperties<DiagnostiekSettings> {

    /**
     * @param disciplineCodes HL7 v2 0074 code → lab, radiology or pathology; when given it replaces the default table
     */
    public record Fhir(@DefaultValue({"AA", "HH", "LL"}) List<String> criticalInterpretationCodes,
                       Map<String, String> disciplineCodes) {
    }

    @Override
    public DiagnostiekSettings toSettings() {
        Map<String, String> disciplines = fhir.disciplineCodes() == null || fhir.disciplineCodes().isEmpty()
                ? DiagnostiekSettings.defaults().fhirDisciplineCodes()
                : ThemeProperties.cased(fhir.disciplineCodes(), k -> k.toUpperCase(Locale.ROOT), v -> v.toLowerCase(Locale.ROOT));
        return new DiagnostiekSettings(ackRoutineMinutes, ackUrgentMinutes, lostResultMinutes, criticalNotifyMinutes,
                fhir.criticalInterpretationCodes(), disciplines);
    }
}
