package nl.verbeterhub.record;

/** A column of a record type's table in domain.md §2, in table order. */
public record Column(String name, boolean required) {

    public static Column required(String name) {
        return new Column(name, true);
    }

    public static Column optional(String name) {
        return new Column(name, false);
    }
}
