package nl.verbeterhub.csv;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import nl.verbeterhub.extract.UnusableFileException;

/**
 * Guards the raw bytes before any parser sees them: fails as soon as a physical line exceeds the limit
 * (so one hostile 50 MB line never fills the parser's buffers) or a NUL byte shows that the file is not
 * text (UTF-16, binaries). Counts bytes since the last LF, a byte that never occurs inside a multi-byte
 * UTF-8 sequence; one CR before the LF is not counted against the limit.
 *
 * <p>Lines end in LF or CRLF (domain.md §2). A CR not followed by LF is no line break, but the tokenizer
 * would end a row there and count a line: it is handed on as a vertical tab (0x0B) instead, a control
 * character like the CR, so a value holding one is still unparsable and trimming still removes it at a
 * value's ends, while rows and line numbers follow the LFs.
 */
final class TextGuard extends FilterInputStream {

    private static final byte LONE_CR = 0x0B;

    /** Thrown through the parser and recognised by type; carries no content, only the physical line. */
    static final class Violation extends IOException {
        final UnusableFileException.Reason reason;
        final long line;

        Violation(UnusableFileException.Reason reason, long line) {
            super(reason.name());
            this.reason = reason;
            this.line = line;
        }
    }

    private final long maxLineBytes;
    private long sinceNewline;
    private long line = 1;
    /** The byte read after a CR that ended a read, to tell whether an LF follows; handed on next. */
    private int held = -1;

    TextGuard(InputStream in, long maxLineBytes) {
        super(in);
        this.maxLineBytes = maxLineBytes;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) <= 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        if (len == 0) return 0;
        int n;
        if (held >= 0) {
            buf[off] = (byte) held;
            held = -1;
            int more = len > 1 ? in.read(buf, off + 1, len - 1) : 0;
            n = 1 + Math.max(more, 0);
        } else {
            n = in.read(buf, off, len);
            if (n <= 0) return n;
        }
        int end = off + n;
        if (buf[end - 1] == '\r') {
            held = in.read();
        }
        // Counters in locals, written back once: this loop sees every byte of every file twice.
        long since = sinceNewline;
        long ln = line;
        for (int i = off; i < end; i++) {
            byte b = buf[i];
            if (b == '\n') {
                since = 0;
                ln++;
                continue;
            }
            boolean crBeforeLf = false;
            if (b == '\r') {
                crBeforeLf = (i + 1 < end ? buf[i + 1] : held) == '\n';
                if (!crBeforeLf) buf[i] = LONE_CR;
            } else if (b == 0) {
                line = ln;
                throw new Violation(UnusableFileException.Reason.NOT_TEXT, ln);
            }
            if (++since > maxLineBytes && !(crBeforeLf && since == maxLineBytes + 1)) {
                line = ln;
                throw new Violation(UnusableFileException.Reason.LINE_TOO_LONG, ln);
            }
        }
        sinceNewline = since;
        line = ln;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skip not supported");
    }

    @Override
    public int available() throws IOException {
        return (held >= 0 ? 1 : 0) + in.available();
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
