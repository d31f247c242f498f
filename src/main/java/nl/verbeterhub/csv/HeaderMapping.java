package nl.verbeterhub.csv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.verbeterhub.extract.UnusableFileException;
import nl.verbeterhub.extract.UnusableFileException.Reason;
import nl.verbeterhub.record.Column;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.record.Row;
import nl.verbeterhub.record.TextRow;

/**
 * A header recognised as one record type: where each of the type's columns sits in the file. Names
 * match case-insensitively after trimming; a connector may map other names onto the defaults; unknown
 * columns are never read.
 */
public final class HeaderMapping {

    private final RecordType type;
    private final int[] sourceIndex;
    private final int headerWidth;

    private HeaderMapping(RecordType type, int[] sourceIndex, int headerWidth) {
        this.type = type;
        this.sourceIndex = sourceIndex;
        this.headerWidth = headerWidth;
    }

    public RecordType type() {
        return type;
    }

    /**
     * Recognises the header.
     *
     * @param columnNames canonical column name → the name used in this source's files
     * @param fixedType the connector's record type, or empty to recognise it from the header
     */
    public static HeaderMapping resolve(List<String> header, Map<String, String> columnNames,
                                        Optional<RecordType> fixedType) throws UnusableFileException {
        List<String> names = header.stream().map(HeaderMapping::normalise).toList();
        if (fixedType.isPresent()) {
            RecordType type = fixedType.get();
            List<String> missing = missingColumns(type, names, columnNames);
            if (!missing.isEmpty()) {
                throw new UnusableFileException(Reason.MISSING_COLUMN,
                        "header lacks required column(s) of " + type + ": " + String.join(", ", missing));
            }
            return build(type, names, columnNames);
        }
        List<RecordType> matches = new ArrayList<>();
        for (RecordType type : RecordType.records()) {
            if (missingColumns(type, names, columnNames).isEmpty()) {
                matches.add(type);
            }
        }
        if (matches.isEmpty()) {
            throw new UnusableFileException(Reason.UNKNOWN_HEADER, "header matches no record type");
        }
        if (matches.size() > 1) {
            throw new UnusableFileException(Reason.AMBIGUOUS_HEADER, "header matches record types " + matches);
        }
        return build(matches.get(0), names, columnNames);
    }

    /** Whether the header is one the connector could read; used to choose between separators. */
    static boolean recognisable(List<String> header, Map<String, String> columnNames, Optional<RecordType> fixedType) {
        try {
            resolve(header, columnNames, fixedType);
            return true;
        } catch (UnusableFileException e) {
            return false;
        }
    }

    private static List<String> missingColumns(RecordType type, List<String> names, Map<String, String> columnNames) {
        List<String> missing = new ArrayList<>();
        for (Column column : type.columns()) {
            if (column.required() && !names.contains(sourceName(column.name(), columnNames))) {
                missing.add(column.name());
            }
        }
        for (List<String> group : type.oneOfGroups().values()) {
            if (group.stream().noneMatch(c -> names.contains(sourceName(c, columnNames)))) {
                missing.add(String.join(" or ", group));
            }
        }
        return missing;
    }

    private static HeaderMapping build(RecordType type, List<String> names, Map<String, String> columnNames)
            throws UnusableFileException {
        List<Column> columns = type.columns();
        int[] index = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            String wanted = sourceName(columns.get(i).name(), columnNames);
            index[i] = names.indexOf(wanted);
            if (index[i] >= 0 && names.lastIndexOf(wanted) != index[i]) {
                throw new UnusableFileException(Reason.DUPLICATE_COLUMN,
                        "column " + columns.get(i).name() + " appears more than once");
            }
        }
        return new HeaderMapping(type, index, names.size());
    }

    private static String sourceName(String canonical, Map<String, String> columnNames) {
        return normalise(columnNames.getOrDefault(canonical, canonical));
    }

    private static String normalise(String name) {
        return Trim.trim(name).toLowerCase(Locale.ROOT);
    }

    /** The current row of the reader in the type's column order: trimmed, empty values absent. */
    public Row row(CsvRowReader reader) {
        String[] values = new String[sourceIndex.length];
        int count = reader.fieldCount();
        for (int i = 0; i < sourceIndex.length; i++) {
            int at = sourceIndex[i];
            if (at >= 0 && at < count) {
                String v = Trim.trim(reader.field(at));
                values[i] = v.isEmpty() ? null : v;
            }
        }
        boolean malformed = false;
        for (int i = headerWidth; i < count; i++) {
            if (!Trim.isBlank(reader.field(i))) {
                malformed = true;
                break;
            }
        }
        return new TextRow(values, malformed);
    }

    @Override
    public String toString() {
        return type + Arrays.toString(sourceIndex);
    }
}
