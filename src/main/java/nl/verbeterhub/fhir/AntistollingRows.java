package nl.verbeterhub.fhir;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import nl.verbeterhub.pseudonym.Pseudonymizer;
import nl.verbeterhub.record.Checks;
import nl.verbeterhub.record.ReasonCode;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.theme.antistolling.AnticoagulantClass;
import nl.verbeterhub.theme.antistolling.AntistollingTheme;
import nl.verbeterhub.time.FhirDateTimes;

/**
 * ANTISTOLLING from FHIR (themes.md §2.3): a Procedure with the hub's periprocedural-anticoagulation
 * extension, its urgency as NUCHTER's, and as {@code inr_at} the latest INR Observation of the same patient
 * at or before the procedure. INRs are read first (records pass) and kept per patient as a numbered list
 * in the join store, so that any number of them keeps the heap flat.
 */
final class AntistollingRows {

    private static final RecordType TYPE = AntistollingTheme.ANTISTOLLING;
    private static final int PATIENT = TYPE.column("patient_id");
    private static final int PROCEDURE_AT = TYPE.column("procedure_at");
    private static final int ANTICOAGULANT = TYPE.column("anticoagulant");
    private static final int URGENCY = TYPE.column("urgency");
    private static final int BLEEDING_RISK = TYPE.column("bleeding_risk");
    private static final int PLAN = TYPE.column("plan");
    private static final int PLAN_RECORDED_AT = TYPE.column("plan_recorded_at");
    private static final int INR_AT = TYPE.column("inr_at");
    private static final int POSTPONED = TYPE.column("postponed");

    private final FhirMapping mapping;
    private final JoinStore join;
    private final Joins joins;
    private final RowSubjects subjects;
    private final Pseudonymizer pseudonyms;
    private final String agb;

    AntistollingRows(FhirMapping mapping, JoinStore join, Joins joins, RowSubjects subjects, Pseudonymizer pseudonyms,
                     String agb) {
        this.mapping = mapping;
        this.join = join;
        this.joins = joins;
        this.subjects = subjects;
        this.pseudonyms = pseudonyms;
        this.agb = agb;
    }

    /**
     * Whether the Observation is an INR; if so, a final one with a readable time is added to its patient's
     * list (one without a time says nothing about any procedure).
     */
    boolean inr(FhirResource r) {
        boolean inr = false;
        for (String code : mapping.inrCodes) inr |= r.code.has(Codes.LOINC, code);
        if (!inr || FhirMapping.status(r) != FhirMapping.Status.COUNTED) return inr;
        long at = FhirDateTimes.instant(r.effectiveDateTime != null ? r.effectiveDateTime : r.effectivePeriodStart);
        String patient = patient(subjects.subjects().of(r));
        if (at == FhirDateTimes.UNPARSABLE || patient == null) return true;
        ByteBuffer count = join.entry(join.key(JoinStore.INR_COUNT, patient));
        int n = count.getInt(0);
        join.put(join.key(JoinStore.INR_TIMES, patient + "#" + n), ByteBuffer.allocate(8).putLong(at).array());
        count.putInt(0, n + 1);
        return true;
    }

    /** The same patient, however it was named: its pseudonym. Null when the subject does not resolve. */
    private String patient(Subjects.Subject subject) {
        if (subject.unresolved || subject.missing()) return null;
        byte[] pseudonym = subject.pseudonym != null ? subject.pseudonym : pseudonyms.patient(agb, subject.text);
        return HexFormat.of().formatHex(pseudonym);
    }

    FhirRow row(FhirResource r, String id) {
        FhirRow row = new FhirRow(TYPE.columns().size()).set(0, id);
        Subjects.Subject subject = subjects.subject(row, r, PATIENT);
        String procedureAt = r.performedPeriodStart != null ? r.performedPeriodStart : r.performedDateTime;
        row.time(PROCEDURE_AT, procedureAt);
        anticoagulant(row, r);
        joins.urgency(row, r.encounterReference, URGENCY);
        row.set(BLEEDING_RISK, r.bleedingRisk).set(PLAN, r.plan).time(PLAN_RECORDED_AT, r.planRecorded)
                .set(POSTPONED, r.postponed);
        long at = procedureAt == null ? FhirDateTimes.UNPARSABLE : FhirDateTimes.instant(procedureAt);
        String patient = patient(subject);
        if (at != FhirDateTimes.UNPARSABLE && patient != null) row.instant(INR_AT, latestInr(patient, at));
        return row;
    }

    /**
     * A coding of ATC (an ATC code, classed by the core) or of the hub's class system (a class name). Codes are
     * matched on system and code (domain.md §6): a class name under ATC, an ATC code under the class system,
     * another system, or a value that is no coding is unparsable.
     */
    private static void anticoagulant(FhirRow row, FhirResource r) {
        if (r.anticoagulantSystem == null && r.anticoagulantCode == null) return; // missing
        String code = r.anticoagulantCode;
        // The codes of the hub's anticoagulant-class CodeSystem are the classes' names, in any case (§0.7).
        boolean className = code != null && AnticoagulantClass.named(code) != null;
        boolean known = code != null && (Codes.ATC.equals(r.anticoagulantSystem) ? !className
                : Codes.ANTICOAGULANT_CLASS.equals(r.anticoagulantSystem) && className);
        if (known) row.set(ANTICOAGULANT, code);
        else row.set(ANTICOAGULANT, "").problem(ANTICOAGULANT, ReasonCode.UNPARSABLE);
    }

    /** The latest INR of the patient at or before the instant, or absent. */
    private long latestInr(String patient, long procedureAt) {
        byte[] count = join.get(join.key(JoinStore.INR_COUNT, patient));
        int n = count == null ? 0 : ByteBuffer.wrap(count).getInt();
        long latest = Checks.ABSENT;
        for (int i = 0; i < n; i++) {
            long at = ByteBuffer.wrap(join.get(join.key(JoinStore.INR_TIMES, patient + "#" + i))).getLong();
            if (at <= procedureAt && (latest == Checks.ABSENT || at > latest)) latest = at;
        }
        return latest;
    }
}
