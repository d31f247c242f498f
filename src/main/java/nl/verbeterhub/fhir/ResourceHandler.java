package nl.verbeterhub.fhir;

import java.util.Optional;
import java.util.Set;
import nl.verbeterhub.admission.Admissions;
import nl.verbeterhub.extract.RecordConsumer;
import nl.verbeterhub.pseudonym.Pseudonymizer;
import nl.verbeterhub.record.ReasonCode;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.theme.antistolling.AntistollingTheme;
import nl.verbeterhub.theme.diagnostiek.DiagnostiekTheme;
import nl.verbeterhub.theme.eigen.EigenTheme;
import nl.verbeterhub.theme.kwetsbaar.KwetsbaarTheme;
import nl.verbeterhub.theme.nuchter.FastingRowParser;
import nl.verbeterhub.theme.nuchter.FastingTheme;
import nl.verbeterhub.theme.pijn.PainTheme;
import nl.verbeterhub.theme.vbi.VbiTheme;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the resources of one extract into what domain.md §6 maps them to: records (as rows of their
 * type's table, checked by the core), removals, and the facts the joins need later (Patients, Encounters,
 * intakes), which go to the extract's join store.
 */
final class ResourceHandler {

    // Columns by name. Every table starts with its record's id and patient_id (RecordTypeTests checks it).
    private static final int ID = 0;
    private static final int PATIENT = PainTheme.PIJN.column("patient_id");
    private static final int PAIN_MEASURED_AT = PainTheme.PIJN.column("measured_at");
    private static final int PAIN_SCALE = PainTheme.PIJN.column("scale");
    private static final int PAIN_VALUE = PainTheme.PIJN.column("value");
    private static final int VBI_INTERVENTION = VbiTheme.VBI.column("intervention_type");
    private static final int VBI_SCORE = VbiTheme.VBI.column("score");
    private static final int VBI_START = VbiTheme.VBI.column("start");
    private static final int VBI_END = VbiTheme.VBI.column("end");
    private static final int ADMITTED_AT = Admissions.ADMISSION.column("admitted_at");
    private static final int DISCHARGED_AT = Admissions.ADMISSION.column("discharged_at");
    private static final int BIRTH_DATE = FastingTheme.NUCHTER.column("birth_date");
    private static final int INDUCTION_AT = FastingTheme.NUCHTER.column("induction_at");

    private static final Logger LOG = LoggerFactory.getLogger(ResourceHandler.class);

    private final FhirMapping mapping;
    private final JoinStore join;
    private final Subjects subjects;
    private final Joins joins;
    private final RecordConsumer consumer;
    private final FhirReport report;
    private final Optional<String> recordSystem;
    private final String agb;
    private final FhirScope scope;
    private final RowSubjects rowSubjects;
    private final KwetsbaarRows kwetsbaar;
    private final AntistollingRows antistolling;
    private final DiagnostiekRows diagnostiek;
    private final BundleDeletes deletes;
    private final PatientResources patients;

    ResourceHandler(FhirMapping mapping, JoinStore join, Subjects subjects, RecordConsumer consumer, FhirReport report,
                    Pseudonymizer pseudonyms, String agb, Optional<String> patientSystem, Optional<String> recordSystem,
                    FhirScope scope) {
        this.mapping = mapping;
        this.join = join;
        this.subjects = subjects;
        this.joins = new Joins(join);
        this.scope = scope;
        this.rowSubjects = new RowSubjects(subjects, join);
        this.kwetsbaar = new KwetsbaarRows(join, joins, rowSubjects);
        this.antistolling = new AntistollingRows(mapping, join, joins, rowSubjects, pseudonyms, agb);
        this.diagnostiek = new DiagnostiekRows(mapping, join, joins, rowSubjects);
        this.deletes = new BundleDeletes(consumer, scope, recordSystem);
        this.patients = new PatientResources(join, subjects, consumer, pseudonyms, agb, patientSystem);
        this.consumer = consumer;
        this.report = report;
        this.recordSystem = recordSystem;
        this.agb = agb;
    }

    /**
     * One resource read in the pass that handles its type. A resource that breaks the mapping (a case no
     * rule foresaw) is counted as no parsable resource and logged by position and exception class only,
     * so that one odd resource cannot turn a whole export, parts of which may be committed, into poison.
     */
    void handle(FhirResource r, String fullUrl, long index, String position, Pass pass) {
        try {
            if (pass == Pass.JOINED && scope.rereadWhenJoined(r.resourceType)) elderlyAdmission(r, fullUrl, index);
            else dispatch(r, fullUrl, index);
        } catch (TemporaryStoreException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("{}: a {} could not be mapped ({}); counted as no parsable resource", position, r.resourceType,
                    e.getClass().getSimpleName());
            report.unparsable(position);
        }
    }

    private void dispatch(FhirResource r, String fullUrl, long index) {
        report.resource(r.resourceType);
        switch (r.resourceType) {
            case "Patient" -> patients.put(r, fullUrl);
            case "Encounter" -> {
                joins.encounter(r, fullUrl);
                record(r, fullUrl, index, mapping.recordType(r));
            }
            case "Observation" -> observation(r, fullUrl, index);
            case "Procedure" -> {
                RecordType first = mapping.recordType(r);
                record(r, fullUrl, index, first);
                if (scope.antistolling && r.anticoagulation) record(r, fullUrl, index, AntistollingTheme.ANTISTOLLING, first != null);
            }
            case "DiagnosticReport" -> record(r, fullUrl, index, scope.diagnostiek ? DiagnostiekTheme.DIAGNOSTIEK : null);
            case "ServiceRequest" -> {
                if (scope.diagnostiek) diagnostiek.serviceRequest(r, fullUrl);
            }
            case "Task" -> {
                if (scope.diagnostiek) diagnostiek.task(r);
            }
            case "DocumentReference" -> {
                if (scope.kwetsbaar) kwetsbaar.document(r);
            }
            case "MeasureReport" -> record(r, fullUrl, index, scope.eigen && EigenRows.isMonth(r) ? EigenTheme.EIGEN_MONTH : null);
            default -> {
                // valid input, no record (domain.md §6, "Counting")
            }
        }
    }

    /** An intake, a screening or an INR gives a join its facts; a critical one too; else it may be a pain score. */
    private void observation(FhirResource r, String fullUrl, long index) {
        FhirMapping.IntakeKind kind = FhirMapping.intakeKind(r);
        if (kind != null) {
            joins.intake(r, kind);
            return;
        }
        if (scope.diagnostiek) diagnostiek.observation(r, fullUrl);
        if (scope.kwetsbaar && kwetsbaar.screening(r)) return;
        if (scope.antistolling && antistolling.inr(r)) return;
        record(r, fullUrl, index, mapping.recordType(r));
    }

    /** An admission Encounter once more, in the joined pass: the elderly admission (themes.md §1.3). */
    private void elderlyAdmission(FhirResource r, String fullUrl, long index) {
        if (mapping.recordType(r) == Admissions.ADMISSION) record(r, fullUrl, index, KwetsbaarTheme.KWETSBAAR, true);
    }

    private void record(FhirResource r, String fullUrl, long index, RecordType type) {
        record(r, fullUrl, index, type, false);
    }

    /**
     * @param second the resource's second record (an Encounter's elderly admission, a VBI's or anaesthesia's
     *               anticoagulation): its removal is the same removal, not another one in the extract's report
     */
    private void record(FhirResource r, String fullUrl, long index, RecordType type, boolean second) {
        if (type == null) return;
        String id = type == EigenTheme.EIGEN_MONTH ? EigenRows.id(r, indicator -> mapping.ownGoals.indicatorId(agb, indicator))
                : FhirMapping.recordId(r, recordSystem, fullUrl);
        switch (FhirMapping.status(r)) {
            case NOT_COUNTED -> {
                // not a record (domain.md §6, "Status")
            }
            case REMOVED -> {
                if (id != null && second) consumer.removeAgain(Set.of(type), id);
                else if (id != null) consumer.remove(type, id);
            }
            case MISSING -> consumer.reject(type, id, ReasonCode.MISSING_FIELD, "status", index, r.resourceType, second);
            case INVALID -> consumer.reject(type, id, ReasonCode.UNPARSABLE, "status", index, r.resourceType, second);
            case COUNTED -> consumer.record(type, row(type, r, id, fullUrl), index, r.resourceType, second);
        }
    }

    private FhirRow row(RecordType type, FhirResource r, String id, String fullUrl) {
        if (type == PainTheme.PIJN) return pain(r, id);
        if (type == VbiTheme.VBI) return vbi(r, id);
        if (type == Admissions.ADMISSION) return admission(r, id);
        if (type == FastingTheme.NUCHTER) return anaesthesia(r, id, fullUrl);
        if (type == KwetsbaarTheme.KWETSBAAR) return kwetsbaar.row(r, id, fullUrl);
        if (type == AntistollingTheme.ANTISTOLLING) return antistolling.row(r, id);
        if (type == DiagnostiekTheme.DIAGNOSTIEK) return diagnostiek.row(r, id, fullUrl);
        if (type == EigenTheme.EIGEN_MONTH) return EigenRows.row(r);
        throw new IllegalArgumentException(type + " is not read from FHIR here");
    }

    private Subjects.Subject subject(FhirRow row, FhirResource r) {
        return rowSubjects.subject(row, r, PATIENT);
    }

    private FhirRow pain(FhirResource r, String id) {
        FhirRow row = new FhirRow(PainTheme.PIJN.columns().size()).set(ID, id);
        subject(row, r);
        row.time(PAIN_MEASURED_AT, r.effectiveDateTime != null ? r.effectiveDateTime : r.effectivePeriodStart);
        String scale = mapping.scale(r);
        if (scale == null) row.problem(PAIN_SCALE, ReasonCode.UNKNOWN_SCALE);
        else row.set(PAIN_SCALE, scale);
        return row.set(PAIN_VALUE, r.valueInteger != null ? r.valueInteger : r.valueQuantity);
    }

    private FhirRow vbi(FhirResource r, String id) {
        FhirRow row = new FhirRow(VbiTheme.VBI.columns().size()).set(ID, id);
        subject(row, r);
        boolean intervention = !r.code.isEmpty() || r.code.text;
        if (intervention) row.set(VBI_INTERVENTION, r.code.isEmpty() ? "text" : String.valueOf(r.code.code(0)));
        Optional<String> score = mapping.vbiScore(r);
        if (score.isPresent()) {
            row.set(VBI_SCORE, score.get());
        } else {
            // Never guessed; the intervention is named when it is there (else it is missing first).
            if (intervention) row.problem(VBI_INTERVENTION, ReasonCode.UNKNOWN_INTERVENTION);
            row.problem(VBI_SCORE, ReasonCode.UNKNOWN_INTERVENTION);
        }
        row.timeOrDate(VBI_START, r.performedPeriodStart != null ? r.performedPeriodStart : r.performedDateTime);
        return row.timeOrDate(VBI_END, r.performedPeriodEnd);
    }

    private FhirRow admission(FhirResource r, String id) {
        FhirRow row = new FhirRow(Admissions.ADMISSION.columns().size()).set(ID, id);
        subject(row, r);
        return row.timeOrDate(ADMITTED_AT, r.periodStart).timeOrDate(DISCHARGED_AT, r.periodEnd);
    }

    private FhirRow anaesthesia(FhirResource r, String id, String fullUrl) {
        FhirRow row = new FhirRow(FastingRowParser.BREAST_MILK + 1).set(ID, id);
        Subjects.Subject subject = subject(row, r);
        rowSubjects.birthDate(row, subject, PATIENT, BIRTH_DATE);
        row.time(INDUCTION_AT, r.performedPeriodStart != null ? r.performedPeriodStart : r.performedDateTime);
        joins.intakes(row, References.self(r, fullUrl));
        joins.urgency(row, r.encounterReference);
        return row;
    }

    /** A Bundle {@code DELETE} in this pass ({@link BundleDeletes}); false when the request cannot be read. */
    boolean delete(String url, Pass pass) {
        return deletes.delete(url, pass);
    }
}
