package nl.verbeterhub.admission;

import nl.verbeterhub.record.Checks;
import nl.verbeterhub.record.ReasonCode;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.record.Row;
import nl.verbeterhub.record.RowParser;
import nl.verbeterhub.record.RowResult;
import nl.verbeterhub.time.LocalDateTimes;

/** Admission rows: the patient as far as the source could resolve it, admitted_at, discharged_at, and a discharge before admission. */
public final class AdmissionRowParser implements RowParser {

    private static final RecordType TYPE = Admissions.ADMISSION;
    private static final int ID = Admissions.ADMISSION.column("admission_id");
    private static final int PATIENT = Admissions.ADMISSION.column("patient_id");
    private static final int ADMITTED = Admissions.ADMISSION.column("admitted_at");
    private static final int DISCHARGED = Admissions.ADMISSION.column("discharged_at");

    @Override
    public RowResult parse(Row row) {
        String id = row.get(ID);
        RowResult.Rejected rejected = Checks.structural(row, TYPE, id);
        if (rejected != null) return rejected;

        if ((rejected = Checks.problem(row, TYPE, PATIENT, id)) != null) return rejected;
        long admitted = row.instant(ADMITTED);
        if (admitted == LocalDateTimes.UNPARSABLE) return new RowResult.Rejected(id, ReasonCode.UNPARSABLE, "admitted_at");
        long discharged = row.instant(DISCHARGED);
        if (discharged == LocalDateTimes.UNPARSABLE) {
            return new RowResult.Rejected(id, ReasonCode.UNPARSABLE, "discharged_at");
        }
        if (Checks.endBeforeStart(row, ADMITTED, admitted, DISCHARGED, discharged)) {
            return new RowResult.Rejected(id, ReasonCode.END_BEFORE_START, "discharged_at");
        }
        return new RowResult.Accepted(id, row.get(PATIENT), admitted, new AdmissionRecord(discharged).encode());
    }
}
