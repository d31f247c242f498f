package nl.verbeterhub.record;

import java.util.List;
import java.util.Optional;
import nl.verbeterhub.theme.Theme;

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
            Column.optional("age_years"),
            Column.optional("birth_date"),
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
            Column.optional("discharged_at")));

    /** NUCHTER needs one of these two (domain.md §2); a header without both is not a NUCHTER header. */
    public static final List<String> NUCHTER_AGE_COLUMNS = List.of("age_years", "birth_date");

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

    public String anchorColumn() {
        return anchorColumn;
    }

    /** The theme whose drafts this type's records count for (admissions count for VBI). */
    public Theme theme() {
        return switch (this) {
            case VBI, ADMISSION -> Theme.VBI;
            case NUCHTER -> Theme.NUCHTER;
            case PIJN -> Theme.PIJN;
        };
    }

    public static RecordType ofId(byte id) {
        for (RecordType t : values()) {
            if (t.id == id) return t;
        }
        throw new IllegalArgumentException("unknown record type id " + id);
    }

    public static Optional<RecordType> ofCode(String code) {
        for (RecordType t : values()) {
            if (t.name().equalsIgnoreCase(code)) return Optional.of(t);
        }
        return Optional.empty();
    }
}
