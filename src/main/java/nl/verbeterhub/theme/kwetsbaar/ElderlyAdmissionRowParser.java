package nl.verbeterhub.theme.kwetsbaar;

import java.time.LocalDate;
import java.time.Period;
import nl.verbeterhub.record.Checks;
import nl.verbeterhub.record.ReasonCode;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.record.Row;
import nl.verbeterhub.record.RowParser;
import nl.verbeterhub.record.RowResult;
import nl.verbeterhub.record.Values;
import nl.verbeterhub.time.Amsterdam;
import nl.verbeterhub.time.LocalDateTimes;

/**
 * Elderly admission rows in the order of themes.md §1.2, each step in table order. Validity applies to
 * younger patients too; the population (age ≥ min-age) comes later, in the indicators. A screening time
 * is never a rejection: outside its window it just does not count. A column the source could not
 * resolve (FHIR) is not missing: its problem is reported in its place among the parse checks.
 */
final class ElderlyAdmissionRowParser implements RowParser {

    private static final RecordType TYPE = KwetsbaarTheme.KWETSBAAR;
    private static final int MAX_AGE = 120;
    private static final int ID = TYPE.column("elderly_admission_id");
    private static final int PATIENT = TYPE.column("patient_id");
    private static final int AGE = TYPE.column("age_years");
    private static final int BIRTH_DATE = TYPE.column("birth_date");
    private static final int ADMITTED = TYPE.column("admitted_at");
    private static final int DISCHARGED = TYPE.column("discharged_at");
    private static final int DESTINATION = TYPE.column("discharge_destination");
    private static final int LETTER = TYPE.column("letter_sent_at");
    private static final int OVERVIEW = TYPE.column("medication_overview_sent_at");
    /** The date-times after the destination, in table order: the four screenings, the letter, the overview. */
    private static final int[] LATER_TIMES = new int[ElderlyAdmissionRecord.DOMAINS.size() + 2];
    static {
        int i = 0;
        for (String domain : ElderlyAdmissionRecord.DOMAINS) LATER_TIMES[i++] = TYPE.column(domain + "_screened_at");
        LATER_TIMES[i++] = LETTER;
        LATER_TIMES[i] = OVERVIEW;
    }

    @Override
    public RowResult parse(Row row) {
        String id = row.get(ID);
        if (row.malformed()) return new RowResult.Rejected(id, ReasonCode.MALFORMED_ROW, null);
        // Required in table order; the age is "one of these two" between patient_id and admitted_at.
        if (Checks.missing(row, ID)) return reject(null, ReasonCode.MISSING_FIELD, ID);
        if (Checks.missing(row, PATIENT)) return reject(id, ReasonCode.MISSING_FIELD, PATIENT);
        if (Checks.missing(row, AGE) && Checks.missing(row, BIRTH_DATE)) {
            return reject(id, ReasonCode.MISSING_FIELD, AGE);
        }
        if (Checks.missing(row, ADMITTED)) return reject(id, ReasonCode.MISSING_FIELD, ADMITTED);

        RowResult.Rejected rejected;
        if ((rejected = Checks.problem(row, TYPE, PATIENT, id)) != null) return rejected;
        if ((rejected = Checks.problem(row, TYPE, AGE, id)) != null) return rejected;
        Long ageYears = null;
        if (row.get(AGE) != null) {
            ageYears = Values.parseWhole(row.get(AGE));
            if (ageYears == null) return reject(id, ReasonCode.UNPARSABLE, AGE);
        }
        if ((rejected = Checks.problem(row, TYPE, BIRTH_DATE, id)) != null) return rejected;
        LocalDate birthDate = null;
        if (row.get(BIRTH_DATE) != null) {
            birthDate = LocalDateTimes.parseDate(row.get(BIRTH_DATE));
            if (birthDate == null) return reject(id, ReasonCode.UNPARSABLE, BIRTH_DATE);
        }
        long[] at = new long[TYPE.columns().size()];
        for (int column : new int[] {ADMITTED, DISCHARGED}) {
            if ((rejected = dateTime(row, column, id, at)) != null) return rejected;
        }
        if ((rejected = Checks.problem(row, TYPE, DESTINATION, id)) != null) return rejected;
        Destination destination = null;
        if (row.get(DESTINATION) != null) {
            destination = Destination.parse(row.get(DESTINATION));
            if (destination == null) return reject(id, ReasonCode.UNPARSABLE, DESTINATION);
        }
        for (int column : LATER_TIMES) {
            if ((rejected = dateTime(row, column, id, at)) != null) return rejected;
        }

        long admitted = at[ADMITTED];
        // themes.md §0.7: birth_date wins; age_years then only has to parse, its range is not checked.
        long age = birthDate != null ? ageAt(birthDate, Amsterdam.localDate(admitted)) : ageYears;
        if (age < 0 || age > MAX_AGE) return reject(id, ReasonCode.OUT_OF_RANGE, birthDate != null ? BIRTH_DATE : AGE);

        for (int column : new int[] {DISCHARGED, LETTER, OVERVIEW}) {
            if (Checks.endBeforeStart(row, ADMITTED, admitted, column, at[column])) {
                return reject(id, ReasonCode.END_BEFORE_START, column);
            }
        }

        long[] screened = new long[ElderlyAdmissionRecord.DOMAINS.size()];
        for (int i = 0; i < screened.length; i++) screened[i] = at[LATER_TIMES[i]];
        byte[] payload = new ElderlyAdmissionRecord((int) age, at[DISCHARGED], destination, screened, at[LETTER],
                at[OVERVIEW]).encode();
        return new RowResult.Accepted(id, row.get(PATIENT), admitted, payload);
    }

    /**
     * Reads a date-time column into {@code at}: {@link Checks#ABSENT} when empty. A FHIR date without a
     * time is unparsable here (themes.md §0.3): every duration of this theme needs the time.
     */
    private static RowResult.Rejected dateTime(Row row, int column, String id, long[] at) {
        RowResult.Rejected rejected = Checks.problem(row, TYPE, column, id);
        if (rejected != null) return rejected;
        long value = Checks.timedInstant(row, column);
        if (value == LocalDateTimes.UNPARSABLE) return reject(id, ReasonCode.UNPARSABLE, column);
        at[column] = value;
        return null;
    }

    /** Whole years on the local date of admission; a birth date after it is a negative age. */
    static long ageAt(LocalDate birthDate, LocalDate admissionDate) {
        if (birthDate.isAfter(admissionDate)) return -1;
        return Period.between(birthDate, admissionDate).getYears();
    }

    private static RowResult.Rejected reject(String id, ReasonCode reason, int column) {
        return new RowResult.Rejected(id, reason, TYPE.columns().get(column).name());
    }
}
