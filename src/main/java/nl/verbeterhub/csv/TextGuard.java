package nl.verbeterhub.csv;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Guards the raw bytes before any parser sees them: fails as soon as a physical line exceeds the limit
 * (so one hostile 50 MB line never fills the parser's buffers) or a NUL byte shows that the file is not
 * text (UTF-16, binaries). Counts bytes since the last LF, a byte that never occurs inside a multi-byte
 * UTF-8 sequence; one CR before the LF is not counted against the limit.
 */
final class TextGuard extends FilterInputStream {

    /** Thrown through the parser and recognised by type; carries no content. */
    static final class Violation extends IOException {
        final UnusableFileException.Reason reason;

        Violation(UnusableFileException.Reason reason) {
            super(reason.name());
            this.reason = reason;
        }
    }

    private final long maxLineBytes;
    private long sinceNewline;

    TextGuard(InputStream in, long maxLineBytes) {
        super(in);
        this.maxLineBytes = maxLineBytes;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) check((byte) b);
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        for (int i = off; i < off + n; i++) {
            check(buf[i]);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skip not supported");
    }

    private void check(byte b) throws Violation {
        if (b == '\n') {
            sinceNewline = 0;
            return;
        }
        if (b == 0) {
            throw new Violation(UnusableFileException.Reason.NOT_TEXT);
        }
        sinceNewline++;
        if (sinceNewline > maxLineBytes && !(sinceNewline == maxLineBytes + 1 && b == '\r')) {
            throw new Violation(UnusableFileException.Reason.LINE_TOO_LONG);
        }
    }
}
