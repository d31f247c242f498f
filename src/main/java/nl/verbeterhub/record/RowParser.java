package nl.verbeterhub.record;

/** Checks one row of a record type in the order of domain.md §2 and returns exactly one outcome. */
public interface RowParser {

    RowResult parse(Row row);
}
