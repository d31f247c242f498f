package nl.verbeterhub.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The lines of an NDJSON file as byte ranges, streamed: a line is never decoded here, and one longer than
 * the limit is skipped to its end without being held (it is then no parsable resource). Blank lines are
 * skipped; line numbers stay physical. A UTF-8 byte-order mark at the start is dropped.
 */
final class NdjsonLines implements AutoCloseable {

    private static final int CHUNK = 1 << 16;

    private final InputStream in;
    private final int maxLineBytes;
    private byte[] buffer = new byte[CHUNK * 4];
    /** Valid bytes are buffer[start, end); the current line is buffer[lineStart, lineEnd). */
    private int start;
    private int end;
    private int lineStart;
    private int lineEnd;
    private long line;
    private boolean tooLong;
    private boolean eof;
    private boolean first = true;

    NdjsonLines(Path file, int maxLineBytes) throws IOException {
        this.in = Files.newInputStream(file);
        this.maxLineBytes = maxLineBytes;
    }

    /** Advances to the next non-blank line; false at the end of the file. */
    boolean next() throws IOException {
        while (true) {
            if (!advance()) return false;
            if (tooLong || !blank()) return true;
        }
    }

    /** Moves to the next physical line, whatever it holds. */
    private boolean advance() throws IOException {
        tooLong = false;
        int scanned = 0; // bytes of this line already searched for its end, counted from start
        while (true) {
            int newline = indexOfNewline(start + scanned, end);
            if (newline >= 0) {
                line++;
                lineStart = start;
                lineEnd = newline;
                tooLong = newline - start > maxLineBytes;
                start = newline + 1;
                return true;
            }
            scanned = end - start;
            if (scanned > maxLineBytes) {
                skipRestOfLine();
                return true;
            }
            if (!fill()) {
                if (start == end) return false;
                line++; // the last line, without a line break
                lineStart = start;
                lineEnd = end;
                tooLong = end - start > maxLineBytes;
                start = end;
                return true;
            }
        }
    }

    /** A line over the limit: count it, drop what was read of it, read on to its end. */
    private void skipRestOfLine() throws IOException {
        line++;
        tooLong = true;
        lineStart = lineEnd = start = end = 0;
        while (true) {
            int n = in.read(buffer, 0, buffer.length);
            if (n < 0) {
                eof = true;
                return;
            }
            int newline = indexOfNewline(0, n);
            if (newline >= 0) {
                start = newline + 1;
                end = n;
                return;
            }
        }
    }

    /** Reads more bytes after the valid ones, moving them to the front or growing the buffer first. */
    private boolean fill() throws IOException {
        if (eof) return false;
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.length) {
            int size = (int) Math.min(buffer.length * 2L, (long) maxLineBytes + CHUNK);
            if (size > buffer.length) buffer = Arrays.copyOf(buffer, size);
        }
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) {
            eof = true;
            return false;
        }
        if (first) {
            first = false;
            if (n >= 3 && buffer[0] == (byte) 0xEF && buffer[1] == (byte) 0xBB && buffer[2] == (byte) 0xBF) start = 3;
        }
        end += n;
        return true;
    }

    private int indexOfNewline(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == '\n') return i;
        }
        return -1;
    }

    private boolean blank() {
        for (int i = lineStart; i < lineEnd; i++) {
            byte b = buffer[i];
            if (b != ' ' && b != '\t' && b != '\r') return false;
        }
        return true;
    }

    /** The current line is longer than the limit: its bytes are not available. */
    boolean tooLong() {
        return tooLong;
    }

    long line() {
        return line;
    }

    byte[] bytes() {
        return buffer;
    }

    int offset() {
        return lineStart;
    }

    int length() {
        return lineEnd - lineStart;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
