package nl.verbeterhub.admission;

import java.util.List;
import nl.verbeterhub.record.Column;
import nl.verbeterhub.record.RecordType;

/** Clinical admissions: no theme of their own, they only give VBI its denominator (domain.md §2.4). */
public final class Admissions {

    public static final RecordType ADMISSION = RecordType.define(4, "ADMISSION", "admitted_at", List.of(
            Column.required("admission_id"),
            Column.required("patient_id"),
            Column.required("admitted_at"),
            Column.optional("discharged_at")));

    private Admissions() {
    }
}
