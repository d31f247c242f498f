package nl.verbeterhub.csv;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.verbeterhub.csv.UnusableFileException.Reason;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.record.Row;

/**
 * One CSV extract: chooses the separator (comma or semicolon) by which one gives a recognisable header,
 * then streams the data rows mapped onto the recognised record type.
 */
public final class CsvExtractReader implements Closeable {

    /** How a connector reads its CSV files. */
    public record Options(Charset charset, long maxLineBytes, Map<String, String> columnNames,
                          Optional<RecordType> fixedType) {
    }

    private final CsvRowReader rows;
    private final HeaderMapping mapping;

    private CsvExtractReader(CsvRowReader rows, HeaderMapping mapping) {
        this.rows = rows;
        this.mapping = mapping;
    }

    public static CsvExtractReader open(Path file, Options options) throws UnusableFileException, IOException {
        List<String> commaHeader = readHeader(file, ',', options);
        List<String> semicolonHeader = readHeader(file, ';', options);
        boolean comma = HeaderMapping.recognisable(commaHeader, options.columnNames(), options.fixedType());
        boolean semicolon = HeaderMapping.recognisable(semicolonHeader, options.columnNames(), options.fixedType());
        char separator;
        if (comma != semicolon) {
            separator = comma ? ',' : ';';
        } else {
            // Neither (the resolve below explains why) or, oddly, both: take the one that splits more.
            separator = semicolonHeader.size() > commaHeader.size() ? ';' : ',';
        }
        List<String> header = separator == ',' ? commaHeader : semicolonHeader;
        HeaderMapping mapping = HeaderMapping.resolve(header, options.columnNames(), options.fixedType());
        CsvRowReader rows = CsvRowReader.open(file, separator, options.charset(), options.maxLineBytes());
        try {
            do {
                rows.next(); // up to and including the header, read above
            } while (onlySeparators(rows));
            return new CsvExtractReader(rows, mapping);
        } catch (UnusableFileException | RuntimeException e) {
            rows.close();
            throw e;
        }
    }

    /**
     * Reads the whole file once without interpreting values, to find out whether it is usable before
     * anything of it is kept (for {@code validate}, which has no transaction to abort).
     */
    public static void verify(Path file, Options options) throws UnusableFileException, IOException {
        try (CsvExtractReader reader = open(file, options)) {
            while (reader.next()) {
                // structure only
            }
        }
    }

    private static List<String> readHeader(Path file, char separator, Options options)
            throws UnusableFileException, IOException {
        try (CsvRowReader reader = CsvRowReader.open(file, separator, options.charset(), options.maxLineBytes())) {
            do {
                if (!reader.next()) {
                    throw new UnusableFileException(Reason.EMPTY_FILE, "no header row");
                }
            } while (onlySeparators(reader)); // blank whichever separator the file turns out to use
            List<String> header = new ArrayList<>(reader.fieldCount());
            for (int i = 0; i < reader.fieldCount(); i++) {
                header.add(reader.field(i));
            }
            return header;
        }
    }

    private static boolean onlySeparators(CsvRowReader reader) {
        for (int i = 0; i < reader.fieldCount(); i++) {
            String field = reader.field(i);
            for (int c = 0; c < field.length(); c++) {
                char ch = field.charAt(c);
                if (ch != ',' && ch != ';' && !Character.isWhitespace(ch)) return false;
            }
        }
        return true;
    }

    public RecordType recordType() {
        return mapping.type();
    }

    /** Advances to the next data row; false at the end of the file. */
    public boolean next() throws UnusableFileException {
        return rows.next();
    }

    /** The physical line on which the current row starts (the header is line 1). */
    public int line() {
        return rows.line();
    }

    public Row row() {
        return mapping.row(rows);
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
