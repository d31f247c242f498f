package nl.verbeterhub.csv;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import nl.verbeterhub.extract.UnusableFileException;
import nl.verbeterhub.extract.UnusableFileException.Reason;

/**
 * Streams the rows of one CSV file with Jackson's tokenizer: quoted fields (separator, doubled quotes
 * and line breaks inside), LF or CRLF (a lone CR is no line break: {@link TextGuard}), UTF-8 with or
 * without BOM, strict decoding in the connector's character set. Blank rows (whitespace or separators
 * only) are skipped. Memory does not grow with the file: one row at a time.
 */
public final class CsvRowReader implements Closeable {

    private static final CsvFactory FACTORY = new CsvFactory();
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final CsvParser parser;
    private final Path file;
    private final Charset charset;
    private final long maxLineBytes;
    private String[] fields = new String[16];
    private int fieldCount;
    private int line;
    private boolean inOuterArray;

    private CsvRowReader(CsvParser parser, Path file, Charset charset, long maxLineBytes) {
        this.parser = parser;
        this.file = file;
        this.charset = charset;
        this.maxLineBytes = maxLineBytes;
    }

    public static CsvRowReader open(Path file, char separator, Charset charset, long maxLineBytes)
            throws UnusableFileException, IOException {
        Reader reader = text(file, charset, maxLineBytes);
        try {
            CsvParser parser = (CsvParser) FACTORY.createParser(reader);
            parser.setSchema(CsvSchema.emptySchema()
                    .withColumnSeparator(separator)
                    .withQuoteChar('"')
                    .withoutEscapeChar());
            parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            return new CsvRowReader(parser, file, charset, maxLineBytes);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /**
     * Reads the whole file as text, through the same guard and strict decoder as the rows, without
     * tokenizing it, and tells whether it has no quote character. Without one the tokenizer has nothing
     * to fail on: such a file is usable exactly when this read does not throw. It stops at the first
     * quote (then only reading the rows tells).
     *
     * @throws UnusableFileException when the text itself is not usable (NUL, a line too long, bytes that
     *         are not the character set: {@link NotText} names the line)
     */
    public static boolean readsWithoutQuotes(Path file, Charset charset, long maxLineBytes)
            throws UnusableFileException, IOException {
        try (Reader reader = text(file, charset, maxLineBytes)) {
            char[] chars = new char[1 << 14];
            for (int n; (n = reader.read(chars)) >= 0; ) {
                for (int i = 0; i < n; i++) {
                    if (chars[i] == '"') return false;
                }
            }
            return true;
        } catch (TextGuard.Violation e) {
            throw new UnusableFileException(e.reason, "at line " + e.line);
        } catch (CharacterCodingException e) {
            throw NotText.of(file, charset, maxLineBytes);
        }
    }

    /** The file as strictly decoded text behind the guard, a UTF-8 byte order mark skipped. */
    private static Reader text(Path file, Charset charset, long maxLineBytes) throws UnusableFileException, IOException {
        InputStream raw;
        try {
            raw = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new UnusableFileException(Reason.NOT_FOUND, "file not found");
        }
        try {
            InputStream in = new BufferedInputStream(raw, 1 << 16);
            if (StandardCharsets.UTF_8.equals(charset)) {
                skipBom(in);
            }
            return new InputStreamReader(new TextGuard(in, maxLineBytes), charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private static void skipBom(InputStream in) throws IOException {
        in.mark(3);
        byte[] head = in.readNBytes(3);
        if (!Arrays.equals(head, UTF8_BOM)) {
            in.reset();
        }
    }

    /**
     * Advances to the next row that is not blank.
     *
     * @return false at the end of the file
     */
    public boolean next() throws UnusableFileException {
        try {
            while (true) {
                JsonToken token = parser.nextToken();
                if (!inOuterArray && token == JsonToken.START_ARRAY) {
                    // WRAP_AS_ARRAY wraps the whole file in one array, each row in its own.
                    inOuterArray = true;
                    token = parser.nextToken();
                }
                if (token == null || token == JsonToken.END_ARRAY) {
                    return false;
                }
                if (token != JsonToken.START_ARRAY) {
                    throw new UnusableFileException(Reason.UNREADABLE, "unexpected CSV token");
                }
                // At a row's START_ARRAY the parser stands on the row's first physical line.
                line = parser.currentLocation().getLineNr();
                fieldCount = 0;
                boolean blank = true;
                while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
                    String value = parser.getText();
                    if (fieldCount == fields.length) {
                        fields = Arrays.copyOf(fields, fields.length * 2);
                    }
                    fields[fieldCount++] = value;
                    if (blank && !Trim.isBlank(value)) {
                        blank = false;
                    }
                }
                if (token != JsonToken.END_ARRAY) {
                    throw new UnusableFileException(Reason.UNREADABLE, "unexpected CSV token");
                }
                if (!blank) {
                    return true;
                }
            }
        } catch (TextGuard.Violation e) {
            throw new UnusableFileException(e.reason, "at line " + e.line);
        } catch (CharacterCodingException e) {
            throw NotText.of(file, charset, maxLineBytes);
        } catch (StreamReadException e) {
            // Jackson's message quotes the input: map it to a code, never pass it on.
            String message = e.getOriginalMessage();
            if (message != null && message.startsWith("Missing closing quote")) {
                throw new UnusableFileException(Reason.UNTERMINATED_QUOTE, "quoted field not closed before end of file");
            }
            throw new UnusableFileException(Reason.MALFORMED_QUOTING,
                    "text after a closing quote near line " + parser.currentLocation().getLineNr());
        } catch (IOException e) {
            throw new UnusableFileException(Reason.UNREADABLE, e.getClass().getSimpleName());
        }
    }

    /** The physical line (1-based) on which the current row starts. */
    public int line() {
        return line;
    }

    public int fieldCount() {
        return fieldCount;
    }

    /** The raw, untrimmed value of field {@code i} of the current row. */
    public String field(int i) {
        return fields[i];
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
