package nl.verbeterhub.record;

import java.util.List;

/**
 * Where record types come from: each theme registers one implementation, once, in
 * {@code META-INF/services/nl.verbeterhub.record.RecordTables}. The store, header recognition and the
 * sources sit below the themes and find every type through {@link RecordType#records()} without knowing
 * which theme defined it.
 */
public interface RecordTables {

    /** The record types this theme defines (header recognition and listings order all types by id). */
    List<RecordType> recordTypes();
}
