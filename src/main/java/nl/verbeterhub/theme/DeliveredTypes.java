package nl.verbeterhub.theme;

import nl.verbeterhub.record.RecordType;

/**
 * The one fact about a hospital's extracts a calculator may need: whether any of its connectors ever
 * delivered a record type (VBI's admissions: never delivered is "unknown", not zero). Calculators get
 * this, not the extract log, so that the themes do not depend on how extracts are kept.
 */
@FunctionalInterface
public interface DeliveredTypes {

    boolean delivered(RecordType type);
}
