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

    /** The types of records a source delivers (every type but the patient link). */
    public static List<RecordType> records() {
        return List.of(VBI, NUCHTER, PIJN, ADMISSION);
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
