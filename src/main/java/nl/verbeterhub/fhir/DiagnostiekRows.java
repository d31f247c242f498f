package nl.verbeterhub.fhir;

import java.util.Locale;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.theme.diagnostiek.DiagnostiekTheme;

/**
 * DIAGNOSTIEK from FHIR (themes.md §3.3): a DiagnosticReport is the result; its ServiceRequests
 * ({@code basedOn}) give the priority, its result Observations whether it is critical, the Tasks that focus on
 * it when it was seen and phoned through. Those are read first (records pass) and kept in the join store.
 * References not in the extract are ignored: routine, not critical, not seen.
 */
final class DiagnostiekRows {

    private static final RecordType TYPE = DiagnostiekTheme.DIAGNOSTIEK;
    private static final int PATIENT = TYPE.column("patient_id");
    private static final int RESULT_AT = TYPE.column("result_at");
    private static final int DISCIPLINE = TYPE.column("discipline");
    private static final int PRIORITY = TYPE.column("priority");
    private static final int CRITICAL = TYPE.column("critical");
    private static final int ACKNOWLEDGED = TYPE.column("acknowledged_at");
    private static final int NOTIFIED = TYPE.column("critical_notified_at");
    private static final int ACKNOWLEDGED_SLOT = 0;
    private static final int NOTIFIED_SLOT = 1;
    private static final byte URGENT = 1;
    private static final byte ROUTINE = 2;

    private final FhirMapping mapping;
    private final JoinStore join;
    private final Joins joins;
    private final RowSubjects subjects;

    DiagnostiekRows(FhirMapping mapping, JoinStore join, Joins joins, RowSubjects subjects) {
        this.mapping = mapping;
        this.join = join;
        this.joins = joins;
        this.subjects = subjects;
    }

    /** A ServiceRequest: urgent when its priority is {@code urgent}, {@code asap} or {@code stat}. */
    void serviceRequest(FhirResource r, String fullUrl) {
        String self = References.self(r, fullUrl);
        if (self == null || FhirMapping.status(r) == FhirMapping.Status.REMOVED) return;
        boolean urgent = r.priorityCode != null && switch (r.priorityCode) {
            case "urgent", "asap", "stat" -> true;
            default -> false;
        };
        join.put(join.key(JoinStore.SERVICE_REQUESTS, self), new byte[] {urgent ? URGENT : ROUTINE});
    }

    /** An Observation with a critical interpretation [D5]; others need no entry (not critical). */
    void observation(FhirResource r, String fullUrl) {
        if (!critical(r)) return;
        String self = References.self(r, fullUrl);
        if (self == null || FhirMapping.status(r) == FhirMapping.Status.REMOVED) return;
        join.put(join.key(JoinStore.CRITICAL, self), new byte[] {1});
    }

    private boolean critical(FhirResource r) {
        for (int i = 0; i < r.interpretation.size(); i++) {
            String code = r.interpretation.code(i);
            if (Codes.INTERPRETATION.equals(r.interpretation.system(i)) && code != null
                    && mapping.criticalCodes.contains(code.toUpperCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** A completed Task on a report: its executionPeriod.end, the earliest per code. */
    void task(FhirResource r) {
        if (r.focusReference == null || FhirMapping.status(r) != FhirMapping.Status.COUNTED) return;
        int slot;
        if (r.code.has(Codes.RESULT_FOLLOWUP, "acknowledged")) slot = ACKNOWLEDGED_SLOT;
        else if (r.code.has(Codes.RESULT_FOLLOWUP, "critical-notified")) slot = NOTIFIED_SLOT;
        else return;
        byte[] key = joins.key(r.focusReference, "DiagnosticReport", Aliases.DIAGNOSTIC_REPORT, JoinStore.REPORT_FOLLOWUPS);
        if (key != null) TimeSlots.earliest(join.entry(key), slot, r.executionPeriodEnd);
    }

    FhirRow row(FhirResource r, String id, String fullUrl) {
        FhirRow row = new FhirRow(TYPE.columns().size()).set(0, id);
        subjects.subject(row, r, PATIENT);
        row.time(RESULT_AT, r.issued);
        String discipline = discipline(r);
        if (discipline != null) row.set(DISCIPLINE, discipline);
        row.set(PRIORITY, urgent(r) ? "urgent" : "routine");
        row.set(CRITICAL, String.valueOf(anyCritical(r)));
        String self = References.self(r, fullUrl);
        byte[] followups = self == null ? null : join.get(join.key(JoinStore.REPORT_FOLLOWUPS, self));
        row.instant(ACKNOWLEDGED, TimeSlots.of(followups, ACKNOWLEDGED_SLOT));
        return row.instant(NOTIFIED, TimeSlots.of(followups, NOTIFIED_SLOT));
    }

    /** A v2-0074 code of the table; another code of a category is {@code other}; no category code, unknown. */
    private String discipline(FhirResource r) {
        boolean coded = false;
        for (int i = 0; i < r.category.size(); i++) {
            String code = r.category.code(i);
            if (code == null) continue;
            coded = true;
            if (Codes.V2_0074.equals(r.category.system(i))) {
                String discipline = mapping.disciplines.get(code.toUpperCase(Locale.ROOT));
                if (discipline != null) return discipline;
            }
        }
        return coded ? "other" : null;
    }

    private boolean urgent(FhirResource r) {
        for (String basedOn : r.basedOn) {
            byte[] key = joins.key(basedOn, "ServiceRequest", Aliases.SERVICE_REQUEST, JoinStore.SERVICE_REQUESTS);
            byte[] request = key == null ? null : join.get(key);
            if (request != null && request[0] == URGENT) return true;
        }
        return false;
    }

    private boolean anyCritical(FhirResource r) {
        for (String result : r.results) {
            byte[] key = joins.key(result, "Observation", Aliases.OBSERVATION, JoinStore.CRITICAL);
            if (key != null && join.get(key) != null) return true;
        }
        return false;
    }
}
