package nl.verbeterhub.record;

/**
 * A column of a record type's table in domain.md §2, in table order. A column of a one-of group is not
 * required on its own, but a header needs at least one column of each group (NUCHTER's age: {@code
 * age_years} or {@code birth_date}).
 *
 * @param oneOfGroup the group's name, or null for a column of no group
 */
public record Column(String name, boolean required, String oneOfGroup) {

    public static Column required(String name) {
        return new Column(name, true, null);
    }

    public static Column optional(String name) {
        return new Column(name, false, null);
    }

    public static Column oneOf(String group, String name) {
        return new Column(name, false, group);
    }
}
