package nl.verbeterhub.fhir;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import nl.verbeterhub.record.ReasonCode;

/** A row's patient column and, where the table has one, its birth date from the Patient in the extract. */
final class RowSubjects {

    private final Subjects subjects;
    private final JoinStore join;

    RowSubjects(Subjects subjects, JoinStore join) {
        this.subjects = subjects;
        this.join = join;
    }

    Subjects subjects() {
        return subjects;
    }

    /** The patient column, and its problem when the subject does not resolve. */
    Subjects.Subject subject(FhirRow row, FhirResource r, int patientColumn) {
        Subjects.Subject subject = subjects.of(r);
        row.set(patientColumn, subject.text).patientPseudonym(subject.pseudonym);
        if (subject.unresolved) row.set(patientColumn, "").problem(patientColumn, ReasonCode.UNRESOLVED_REFERENCE);
        return subject;
    }

    /**
     * The birth date from the Patient in the same extract; none there is an unresolved reference, reported on
     * the patient column too (domain.md §6, "Joins"). An unresolved patient leaves the age unknown, not missing.
     */
    void birthDate(FhirRow row, Subjects.Subject subject, int patientColumn, int birthDateColumn) {
        if (subject.unresolved) {
            row.problem(birthDateColumn, ReasonCode.UNRESOLVED_REFERENCE);
            return;
        }
        if (subject.missing()) return;
        byte[] facts = join.get(subjects.key(subject));
        if (facts == null) {
            row.problem(patientColumn, ReasonCode.UNRESOLVED_REFERENCE).problem(birthDateColumn, ReasonCode.UNRESOLVED_REFERENCE);
            return;
        }
        ByteBuffer birth = PatientFacts.birthDate(join, facts);
        int status = birth.get();
        long epochDay = birth.getLong();
        if (status == PatientFacts.BIRTH_DATE) row.set(birthDateColumn, LocalDate.ofEpochDay(epochDay).toString());
        else if (status == PatientFacts.UNPARSABLE_BIRTH_DATE) row.problem(birthDateColumn, ReasonCode.UNPARSABLE);
    }
}
