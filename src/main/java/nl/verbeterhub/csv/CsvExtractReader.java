package nl.verbeterhub.csv;

import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.verbeterhub.extract.UnusableFileException;
import nl.verbeterhub.extract.UnusableFileException.Reason;
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
        // Read the header with either separator; with the wrong one a quoted header may not even tokenize.
        Attempt comma = readHeader(file, ',', options);
        Attempt semicolon = readHeader(file, ';', options);
        boolean commaFits = comma.recognisable(options);
        boolean semicolonFits = semicolon.recognisable(options);
        Attempt chosen;
        if (commaFits != semicolonFits) {
            chosen = commaFits ? comma : semicolon;
        } else if (commaFits || Math.max(comma.width(), semicolon.width()) > 1) {
            // Both (oddly), or a header of several columns that is no record type's: the wider tells.
            chosen = semicolon.width() > comma.width() ? semicolon : comma;
        } else {
            // No separator splits the first line: a quoting failure says more than "unknown header".
            chosen = comma.failure() != null ? comma : semicolon.failure() != null ? semicolon : comma;
        }
        if (chosen.failure() != null) throw chosen.failure();
        HeaderMapping mapping = HeaderMapping.resolve(chosen.header(), options.columnNames(), options.fixedType());
        CsvRowReader rows = CsvRowReader.open(file, chosen.separator(), options.charset(), options.maxLineBytes());
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

    /** The header as one separator reads it, or why it could not be read that way. */
    private record Attempt(char separator, List<String> header, UnusableFileException failure) {
        boolean recognisable(Options options) {
            return failure == null && HeaderMapping.recognisable(header, options.columnNames(), options.fixedType());
        }

        int width() {
            return header == null ? 0 : header.size();
        }
    }

    /**
     * Reads the whole file once without interpreting values, to find out whether it is usable before
     * anything of it is kept (for {@code validate}, which has no transaction to abort). A file without
     * quote characters is read as text only, at a fraction of the tokenizer's cost: without quotes the
     * tokenizer cannot fail, so the text's guard and decoder decide alone.
     */
    public static void verify(Path file, Options options) throws UnusableFileException, IOException {
        try (CsvExtractReader reader = open(file, options)) {
            // The tokenizer also refuses a value past its length limit: only lines shorter than that are
            // sure to hold none.
            boolean shortLines = options.maxLineBytes() < StreamReadConstraints.defaults().getMaxStringLength();
            if (shortLines && CsvRowReader.readsWithoutQuotes(file, options.charset(), options.maxLineBytes())) return;
            while (reader.next()) {
                // structure only
            }
        }
    }

    private static Attempt readHeader(Path file, char separator, Options options) throws IOException {
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
            return new Attempt(separator, header, null);
        } catch (UnusableFileException e) {
            return new Attempt(separator, null, e);
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
