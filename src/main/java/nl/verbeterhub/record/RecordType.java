package nl.verbeterhub.record;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A record type of domain.md §2 or themes.md with its columns in table order. A CSV header is recognised
 * as the type all of whose required columns it has. Each theme defines its own types (a constant in its
 * package) and registers them through {@link RecordTables}; the only type the hub itself defines is the
 * {@link #PATIENT_LINK}. Types are compared by their stored id, which never changes once records are stored.
 */
public final class RecordType implements Comparable<RecordType> {

    /**
     * Not a record: which patient a FHIR connector's {@code Patient/{id}} is, by the pseudonym of its
     * identifier in the connector's patient identifier system, for the records of later extracts that refer
     * to a Patient they do not repeat (domain.md §6, "Identity"). Kept as state like records; no theme, no
     * CSV header, never counted.
     */
    public static final RecordType PATIENT_LINK = new RecordType((byte) 5, "PATIENT_LINK", null, List.of());

    private final byte id;
    private final String name;
    private final String anchorColumn;
    private final List<Column> columns;

    private RecordType(byte id, String name, String anchorColumn, List<Column> columns) {
        this.id = id;
        this.name = name;
        this.anchorColumn = anchorColumn;
        this.columns = List.copyOf(columns);
    }

    /**
     * A theme's record type. Define each once, as a constant of the theme's package, and list it in the
     * theme's {@link RecordTables}.
     *
     * @param id the byte it is stored under: unique, never reused, never changed once records are stored
     * @param name its name in state keys, connector files and rejections: unique, upper case
     * @param anchorColumn the time column that decides a record's year
     */
    public static RecordType define(int id, String name, String anchorColumn, List<Column> columns) {
        if (id < 1 || id > Byte.MAX_VALUE) throw new IllegalArgumentException("record type id out of range: " + id);
        if (!name.matches("[A-Z][A-Z_]*")) throw new IllegalArgumentException("record type name not upper case: " + name);
        return new RecordType((byte) id, name, anchorColumn, columns);
    }

    public byte id() {
        return id;
    }

    @JsonValue
    public String name() {
        return name;
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

    @Override
    public int compareTo(RecordType other) {
        return Byte.compare(id, other.id);
    }

    @Override
    public String toString() {
        return name;
    }

    /** The types of records a source delivers: every registered theme's, by id. */
    public static List<RecordType> records() {
        return Registry.RECORDS;
    }

    public static RecordType ofId(byte id) {
        RecordType type = Registry.BY_ID.get(id);
        if (type == null) throw new IllegalArgumentException("unknown record type id " + id);
        return type;
    }

    /** Any type as it is named in a state key, the patient link included. */
    public static Optional<RecordType> ofStateName(String name) {
        return Optional.ofNullable(Registry.BY_NAME.get(name));
    }

    /** A record type by its name, as a connector or a header names it (any case); never the patient link. */
    public static Optional<RecordType> ofCode(String code) {
        for (RecordType t : records()) {
            if (t.name.equalsIgnoreCase(code)) return Optional.of(t);
        }
        return Optional.empty();
    }

    /** A type by its exact name, as stored JSON names it. @throws IllegalArgumentException when none has it */
    @JsonCreator
    public static RecordType valueOf(String name) {
        return ofStateName(name).orElseThrow(() -> new IllegalArgumentException("unknown record type " + name));
    }

    /** Filled once, from the registered {@link RecordTables}, on first use; a clash of ids or names stops the hub. */
    private static final class Registry {
        static final List<RecordType> RECORDS;
        static final Map<Byte, RecordType> BY_ID = new HashMap<>();
        static final Map<String, RecordType> BY_NAME = new HashMap<>();

        static {
            List<RecordType> records = new ArrayList<>();
            for (RecordTables tables : ServiceLoader.load(RecordTables.class, RecordType.class.getClassLoader())) {
                records.addAll(tables.recordTypes());
            }
            add(PATIENT_LINK);
            records.forEach(Registry::add);
            records.sort(null);
            RECORDS = List.copyOf(records);
        }

        private static void add(RecordType type) {
            RecordType byId = BY_ID.putIfAbsent(type.id, type);
            if (byId != null) throw new IllegalStateException("record types " + byId + " and " + type + " share id " + type.id);
            RecordType byName = BY_NAME.putIfAbsent(type.name, type);
            if (byName != null) throw new IllegalStateException("two record types are named " + type.name);
        }
    }
}
