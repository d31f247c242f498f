package nl.verbeterhub.record;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The record types of domain.md §2 with their columns in table order. A CSV header is recognised as
 * the type all of whose required columns it has.
 */
public enum RecordType {
    VBI((byte) 1, "start", List.of(
            Column.required("registration_id"),
            Column.required("patient_id"),
            Column.optional("ward"),
            Column.required("intervention_type"),
            Column.required("score"),
            Column.required("start"),
            Column.optional("end"),
            Column.optional("alternatives_considered"))),
    NUCHTER((byte) 2, "induction_at", List.of(
            Column.required("procedure_id"),
            Column.required("patient_id"),
            Column.oneOf("age", "age_years"),
            Column.oneOf("age", "birth_date"),
            Column.required("induction_at"),
            Column.optional("last_solid_at"),
            Column.optional("last_clear_fluid_at"),
            Column.optional("urgency"))),
    PIJN((byte) 3, "measured_at", List.of(
            Column.required("measurement_id"),
            Column.required("patient_id"),
            Column.optional("admission_id"),
            Column.required("measured_at"),
            Column.required("scale"),
            Column.required("value"),
            Column.optional("vulnerable"))),
    /** Clinical admissions: no theme of their own, they only give VBI its denominator. */
    ADMISSION((byte) 4, "admitted_at", List.of(
            Column.required("admission_id"),
            Column.required("patient_id"),
            Column.required("admitted_at"),
            Column.optional("discharged_at"))),
    /** KWETSBAAR: a clinical admission of an elderly patient (themes.md §1.1); its own id column keeps its header apart from ADMISSION's. */
    KWETSBAAR((byte) 6, "admitted_at", List.of(
            Column.required("elderly_admission_id"),
            Column.required("patient_id"),
            Column.oneOf("age", "age_years"),
            Column.oneOf("age", "birth_date"),
            Column.required("admitted_at"),
            Column.optional("discharged_at"),
            Column.optional("discharge_destination"),
            Column.optional("delirium_screened_at"),
            Column.optional("falls_screened_at"),
            Column.optional("malnutrition_screened_at"),
            Column.optional("physical_screened_at"),
            Column.optional("letter_sent_at"),
            Column.optional("medication_overview_sent_at"))),
    /** ANTISTOLLING: a procedure of a patient on an anticoagulant or platelet inhibitor (themes.md §2.1). */
    ANTISTOLLING((byte) 7, "procedure_at", List.of(
            Column.required("procedure_id"),
            Column.required("patient_id"),
            Column.required("procedure_at"),
            Column.required("anticoagulant"),
            Column.optional("urgency"),
            Column.optional("bleeding_risk"),
            Column.optional("plan"),
            Column.optional("plan_recorded_at"),
            Column.optional("inr_at"),
            Column.optional("postponed"))),
    /** ANTISTOLLING: a rostered period of anticoagulation expertise (themes.md §2.1); no patient. */
    ANTISTOLLING_SHIFT((byte) 8, "start", List.of(
            Column.required("shift_id"),
            Column.required("start"),
            Column.required("end"))),
    /** DIAGNOSTIEK: one lab order or report (themes.md §3.1). */
    DIAGNOSTIEK((byte) 9, "result_at", List.of(
            Column.required("result_id"),
            Column.required("patient_id"),
            Column.required("result_at"),
            Column.optional("discipline"),
            Column.optional("priority"),
            Column.optional("critical"),
            Column.optional("acknowledged_at"),
            Column.optional("critical_notified_at"))),
    /** EIGEN: one month's number of an own-goal indicator (themes.md §4.2); no patient. */
    EIGEN_MONTH((byte) 10, "month", List.of(
            Column.required("indicator_id"),
            Column.required("month"),
            Column.required("numerator"),
            Column.optional("denominator"))),
    /** EIGEN: a milestone's status as reported on a day (themes.md §4.2); no patient. */
    EIGEN_MILESTONE((byte) 11, "reported_on", List.of(
            Column.required("milestone_id"),
            Column.required("status"),
            Column.required("reported_on"))),
    /**
     * Not a record: which patient a FHIR connector's {@code Patient/{id}} is, by the pseudonym of its
     * identifier in the connector's patient identifier system, for the records of later extracts that refer
     * to a Patient they do not repeat (domain.md §6, "Identity"). Kept as state like records; no theme, no
     * CSV header, never counted.
     */
    PATIENT_LINK((byte) 5, null, List.of());

    private final byte id;
    private final String anchorColumn;
    private final List<Column> columns;

    RecordType(byte id, String anchorColumn, List<Column> columns) {
        this.id = id;
        this.anchorColumn = anchorColumn;
        this.columns = columns;
    }

    public byte id() {
        return id;
    }

    public List<Column> columns() {
        return columns;
    }

    /**
     * Where a column sits in this type's table, by its name. Parsers and sources look their columns up
     * this way once, so that a table may change order or grow without their indices drifting.
     *
     * @throws IllegalArgumentException when the table has no such column
     */
    public int column(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) return i;
        }
        throw new IllegalArgumentException(this + " has no column " + name);
    }

    /** The one-of groups of this type's table: group name → its columns, in table order (NUCHTER: the age). */
    public Map<String, List<String>> oneOfGroups() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (Column c : columns) {
            if (c.oneOfGroup() != null) groups.computeIfAbsent(c.oneOfGroup(), g -> new ArrayList<>()).add(c.name());
        }
        return groups;
    }

    public String anchorColumn() {
        return anchorColumn;
    }

    /** Whether records of this type belong to a patient: shifts and own-goal numbers do not. */
    public boolean hasPatient() {
        return columns.stream().anyMatch(c -> c.name().equals("patient_id"));
    }

    /** The types of records a source delivers (every type but the patient link). */
    public static List<RecordType> records() {
        return List.of(VBI, NUCHTER, PIJN, ADMISSION, KWETSBAAR, ANTISTOLLING, ANTISTOLLING_SHIFT, DIAGNOSTIEK, EIGEN_MONTH,
                EIGEN_MILESTONE);
    }

    public static RecordType ofId(byte id) {
        for (RecordType t : values()) {
            if (t.id == id) return t;
        }
        throw new IllegalArgumentException("unknown record type id " + id);
    }

    /** Any type as it is named in a state key, the patient link included. */
    public static Optional<RecordType> ofStateName(String name) {
        for (RecordType t : values()) {
            if (t.name().equals(name)) return Optional.of(t);
        }
        return Optional.empty();
    }

    /** A record type by its name, as a connector or a header names it; never the patient link. */
    public static Optional<RecordType> ofCode(String code) {
        for (RecordType t : records()) {
            if (t.name().equalsIgnoreCase(code)) return Optional.of(t);
        }
        return Optional.empty();
    }
}
