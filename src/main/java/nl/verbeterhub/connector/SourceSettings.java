package nl.verbeterhub.connector;

import java.nio.charset.Charset;
import java.util.Map;
import java.util.Optional;
import nl.verbeterhub.csv.CsvExtractReader;
import nl.verbeterhub.record.RecordType;

/** The settings only one connector type takes, typed. */
public sealed interface SourceSettings {

    /**
     * @param recordType fixed by the connector, or empty to recognise each file's type from its header
     * @param columns canonical column name → the name this source uses
     */
    record Csv(Optional<RecordType> recordType, Charset charset, Map<String, String> columns) implements SourceSettings {

        public CsvExtractReader.Options options(long maxLineBytes) {
            return new CsvExtractReader.Options(charset, maxLineBytes, columns, recordType);
        }
    }

    /**
     * @param patientIdentifierSystem when set, a record's patient is the Patient's identifier in this system
     *     (domain.md §6, "Identity"); else the subject reference
     * @param recordIdentifierSystem when set, a record's id is its identifier in this system, else its first
     */
    record Fhir(Optional<String> patientIdentifierSystem, Optional<String> recordIdentifierSystem)
            implements SourceSettings {

        public static final Fhir DEFAULTS = new Fhir(Optional.empty(), Optional.empty());
    }
}
