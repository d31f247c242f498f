package nl.verbeterhub.theme.nuchter;

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
 * Fasting rows, checked in table order. Validity applies to adults and urgent procedures too; the
 * population filter (age &lt; 18, elective) comes later, in the indicators. A column the source could not
 * resolve (a FHIR Patient or Encounter missing from the extract) is not missing: it is reported as
 * {@code UNRESOLVED_REFERENCE} in its place among the parse checks.
 */
public final class FastingRowParser implements RowParser {

    /** A last intake more than this many seconds before induction is implausible (72 hours). */
    static final long MAX_FASTING_SECONDS = 72L * 3600;
    private static final int MAX_AGE = 120;

    private static final int ID = FastingTheme.NUCHTER.column("procedure_id");
    private static final int PATIENT = FastingTheme.NUCHTER.column("patient_id");
    private static final int AGE = FastingTheme.NUCHTER.column("age_years");
    private static final int BIRTH_DATE = FastingTheme.NUCHTER.column("birth_date");
    private static final int INDUCTION = FastingTheme.NUCHTER.column("induction_at");
    private static final int LAST_SOLID = FastingTheme.NUCHTER.column("last_solid_at");
    private static final int LAST_CLEAR = FastingTheme.NUCHTER.column("last_clear_fluid_at");
    private static final int URGENCY = FastingTheme.NUCHTER.column("urgency");
    /**
     * Beyond the CSV table: the latest breast-milk intake, which FHIR delivers (domain.md §6). It feeds no
     * indicator and is not kept, but a bad one rejects the record like any other intake.
     */
    public static final int BREAST_MILK = FastingTheme.NUCHTER.columns().size();
    public static final String BREAST_MILK_COLUMN = "last_breast_milk_at";
    private static final RecordType TYPE = FastingTheme.NUCHTER;

    @Override
    public RowResult parse(Row row) {
        String id = row.get(ID);
        if (row.malformed()) return reject(id, ReasonCode.MALFORMED_ROW, null);
        // Required in table order; the age is "one of these two" between patient_id and induction_at.
        if (id == null) return reject(null, ReasonCode.MISSING_FIELD, "procedure_id");
        if (Checks.missing(row, PATIENT)) return reject(id, ReasonCode.MISSING_FIELD, "patient_id");
        if (Checks.missing(row, AGE) && Checks.missing(row, BIRTH_DATE)) return reject(id, ReasonCode.MISSING_FIELD, "age_years");
        if (Checks.missing(row, INDUCTION)) return reject(id, ReasonCode.MISSING_FIELD, "induction_at");

        RowResult.Rejected rejected;
        if ((rejected = Checks.problem(row, TYPE, PATIENT, id)) != null) return rejected;

        Long ageYears = null;
        if (row.get(AGE) != null) {
            ageYears = Values.parseWhole(row.get(AGE));
            if (ageYears == null) return reject(id, ReasonCode.UNPARSABLE, "age_years");
        }
        if ((rejected = Checks.problem(row, TYPE, BIRTH_DATE, id)) != null) return rejected;
        LocalDate birthDate = null;
        if (row.get(BIRTH_DATE) != null) {
            birthDate = LocalDateTimes.parseDate(row.get(BIRTH_DATE));
            if (birthDate == null) return reject(id, ReasonCode.UNPARSABLE, "birth_date");
        }
        long induction = row.instant(INDUCTION);
        if (induction == LocalDateTimes.UNPARSABLE) return reject(id, ReasonCode.UNPARSABLE, "induction_at");
        long lastSolid = row.instant(LAST_SOLID);
        if (lastSolid == LocalDateTimes.UNPARSABLE) return reject(id, ReasonCode.UNPARSABLE, "last_solid_at");
        long lastClear = row.instant(LAST_CLEAR);
        if (lastClear == LocalDateTimes.UNPARSABLE) return reject(id, ReasonCode.UNPARSABLE, "last_clear_fluid_at");
        long breastMilk = row.width() > BREAST_MILK ? row.instant(BREAST_MILK) : Checks.ABSENT;
        if (breastMilk == LocalDateTimes.UNPARSABLE) return reject(id, ReasonCode.UNPARSABLE, BREAST_MILK_COLUMN);
        if ((rejected = Checks.problem(row, TYPE, URGENCY, id)) != null) return rejected;
        Boolean urgent = Values.parseUrgency(row.get(URGENCY));
        if (urgent == null) return reject(id, ReasonCode.UNPARSABLE, "urgency");

        long age;
        String ageField;
        if (birthDate != null) {
            age = ageAt(birthDate, Amsterdam.localDate(induction));
            ageField = "birth_date";
        } else {
            age = ageYears;
            ageField = "age_years";
        }
        if (age < 0 || age > MAX_AGE) return reject(id, ReasonCode.OUT_OF_RANGE, ageField);

        RowResult.Rejected intake = checkIntake(id, lastSolid, induction, "last_solid_at");
        if (intake != null) return intake;
        intake = checkIntake(id, lastClear, induction, "last_clear_fluid_at");
        if (intake != null) return intake;
        intake = checkIntake(id, breastMilk, induction, BREAST_MILK_COLUMN);
        if (intake != null) return intake;

        byte[] payload = new FastingRecord((int) age, urgent, lastSolid, lastClear).encode();
        return new RowResult.Accepted(id, row.get(PATIENT), induction, payload);
    }

    /** Whole years on the local date of induction; a birth date after induction is a negative age. */
    static long ageAt(LocalDate birthDate, LocalDate inductionDate) {
        if (birthDate.isAfter(inductionDate)) return -1;
        return Period.between(birthDate, inductionDate).getYears();
    }

    private static RowResult.Rejected checkIntake(String id, long intake, long induction, String field) {
        if (intake == Checks.ABSENT) return null;
        if (intake > induction) return reject(id, ReasonCode.INTAKE_AFTER_INDUCTION, field);
        if (induction - intake > MAX_FASTING_SECONDS) return reject(id, ReasonCode.IMPLAUSIBLE_DURATION, field);
        return null;
    }

    private static RowResult.Rejected reject(String id, ReasonCode reason, String field) {
        return new RowResult.Rejected(id, reason, field);
    }
}
