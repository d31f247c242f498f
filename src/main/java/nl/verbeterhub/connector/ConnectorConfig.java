package nl.verbeterhub.connector;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.verbeterhub.csv.CsvExtractReader;
import nl.verbeterhub.record.RecordType;

/**
 * One hospital source, read from a file in {@code connectors/}: adding a hospital is adding a file.
 *
 * @param recordType fixed by the connector, or empty to recognise each file's type from its header
 * @param snapshot each extract is complete for the years it covers (default: incremental upserts)
 * @param columns canonical column name → the name this source uses
 */
public record ConnectorConfig(String id, String agb, String hospitalName, Path inbox,
                              Optional<RecordType> recordType, boolean snapshot, Set<Integer> snapshotYears,
                              Charset charset, Duration pollDelay, Map<String, String> columns, Path definedIn) {

    public CsvExtractReader.Options csvOptions(long maxLineBytes) {
        return new CsvExtractReader.Options(charset, maxLineBytes, columns, recordType);
    }
}
