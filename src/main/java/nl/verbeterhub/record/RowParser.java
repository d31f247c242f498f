package nl.verbeterhub.record;

/** Checks one row of a record type in the order of domain.md §2 and returns exactly one outcome. */
public interface RowParser {

    RowResult parse(Row row);

    /**
     * The parser for one hospital's rows. Most types read every hospital alike; an own-goal record
     * (themes.md §4) is checked against that hospital's own definition.
     */
    default RowParser forHospital(String agb) {
        return this;
    }
}
