package nl.verbeterhub.csv;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.verbeterhub.extract.UnusableFileException;
import nl.verbeterhub.extract.UnusableFileException.Reason;

/**
 * A CSV file whose bytes are no text in its character set: names the first physical line that does not
 * decode and says what to do, never quoting the bytes. The decoder that failed reads ahead and cannot
 * tell where, so the file is read once more, line by line, only when it failed.
 */
final class NotText {

    /** The character set Excel's "CSV (puntkomma gescheiden)" writes on a Dutch Windows. */
    static final String EXCEL_CHARSET = "windows-1252";

    private NotText() {
    }

    static UnusableFileException of(Path file, Charset charset, long maxLineBytes) {
        long line;
        try {
            line = firstUndecodableLine(file, charset, maxLineBytes);
        } catch (IOException e) {
            line = -1;
        }
        String where = line > 0 ? " (line " + line + ")" : "";
        String name = charset.name();
        String hint = StandardCharsets.UTF_8.equals(charset)
                ? "if Excel saved it as \"CSV (puntkomma gescheiden)\", set the connector's charset: " + EXCEL_CHARSET
                        + " (or validate --charset " + EXCEL_CHARSET + "), or save it as \"CSV UTF-8\""
                : "set the connector's charset to the one the file was written in (or validate --charset NAME),"
                        + " or save it as \"CSV UTF-8\" and leave the charset out";
        return new UnusableFileException(Reason.NOT_TEXT, "no " + name + " text" + where + ": " + hint);
    }

    /**
     * The first physical line (1-based) that is no text in the character set, or -1 when every line
     * decodes (or one is longer than the limit, which the guard reports on its own). An LF byte is never
     * part of a multi-byte character in the ASCII-compatible character sets a connector may use.
     */
    static long firstUndecodableLine(Path file, Charset charset, long maxLineBytes) throws IOException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteArrayOutputStream lineBytes = new ByteArrayOutputStream();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            long line = 1;
            for (int b; (b = in.read()) >= 0; ) {
                if (b == '\n') {
                    if (!decodes(decoder, lineBytes)) return line;
                    lineBytes.reset();
                    line++;
                } else if (lineBytes.size() > maxLineBytes + 1) {
                    return -1;
                } else {
                    lineBytes.write(b);
                }
            }
            return decodes(decoder, lineBytes) ? -1 : line;
        }
    }

    private static boolean decodes(CharsetDecoder decoder, ByteArrayOutputStream bytes) {
        try {
            decoder.reset().decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
