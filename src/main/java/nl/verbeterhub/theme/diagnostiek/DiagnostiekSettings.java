package nl.verbeterhub.theme.diagnostiek;

import java.util.List;
import java.util.Map;

/**
 * {@code hub.themes.diagnostiek.*} (themes.md §3.5).
 *
 * @param fhirDisciplineCodes HL7 v2 table 0074 code → {@code lab}, {@code radiology}, {@code pathology}
 */
public record DiagnostiekSettings(long ackRoutineMinutes, long ackUrgentMinutes, long lostResultMinutes,
                                  long criticalNotifyMinutes, List<String> fhirCriticalInterpretationCodes,
                                  Map<String, String> fhirDisciplineCodes) {

    public static DiagnostiekSettings defaults() {
        return new DiagnostiekSettings(10080, 1440, 43200, 60, List.of("AA", "HH", "LL"), Map.ofEntries(
                Map.entry("LAB", "lab"), Map.entry("CH", "lab"), Map.entry("HM", "lab"), Map.entry("MB", "lab"),
                Map.entry("RAD", "radiology"), Map.entry("RX", "radiology"), Map.entry("CT", "radiology"),
                Map.entry("NMR", "radiology"), Map.entry("RUS", "radiology"),
                Map.entry("SP", "pathology"), Map.entry("CP", "pathology"), Map.entry("PAT", "pathology")));
    }
}
