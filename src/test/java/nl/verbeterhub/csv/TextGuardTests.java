package nl.verbeterhub.csv;

import nl.verbeterhub.extract.UnusableFileException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextGuardTests {

    /** Hands out at most {@code chunk} bytes per read, so that a CR falls on every buffer boundary. */
    private static InputStream chunked(byte[] bytes, int chunk) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    private static String through(String text, int chunk, int bufferSize) throws IOException {
        try (TextGuard guard = new TextGuard(chunked(text.getBytes(StandardCharsets.UTF_8), chunk), 1 << 20)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[bufferSize];
            for (int n; (n = guard.read(buf, 0, buf.length)) >= 0; ) out.write(buf, 0, n);
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void aCrNotFollowedByLfIsNoLineBreakWhereverTheReadsEnd() throws Exception {
        String text = "a\rb\r\nc\r\r\nd\r";
        String expected = "a\u000Bb\r\nc\u000B\r\nd\u000B";
        for (int chunk = 1; chunk <= text.length() + 1; chunk++) {
            for (int buffer = 1; buffer <= 4; buffer++) {
                assertThat(through(text, chunk, buffer)).as("chunk %d buffer %d", chunk, buffer).isEqualTo(expected);
            }
        }
        assertThat(through("\r", 1, 1)).isEqualTo("\u000B");
        assertThat(through("\r\n", 1, 1)).isEqualTo("\r\n");
    }

    private static String guarded(String text, int chunk, long maxLineBytes) throws IOException {
        try (TextGuard guard = new TextGuard(chunked(text.getBytes(StandardCharsets.UTF_8), chunk), maxLineBytes)) {
            return new String(guard.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theCrOfACrlfRightAtTheLimitIsNotCountedWhereverTheReadsEnd() throws Exception {
        for (int chunk = 1; chunk <= 6; chunk++) {
            assertThat(guarded("abcd\r\nef\n", chunk, 4)).as("chunk %d", chunk).isEqualTo("abcd\r\nef\n");
            int c = chunk;
            // a lone CR is a byte of the line like any other
            assertThatThrownBy(() -> guarded("abcd\r\r\n", c, 4)).as("chunk %d", chunk)
                    .isInstanceOfSatisfying(TextGuard.Violation.class,
                            v -> assertThat(v.reason).isEqualTo(UnusableFileException.Reason.LINE_TOO_LONG));
            assertThatThrownBy(() -> guarded("abcde\r\n", c, 4)).isInstanceOf(TextGuard.Violation.class);
            assertThatThrownBy(() -> guarded("abcd\rx\n", c, 4)).isInstanceOf(TextGuard.Violation.class);
        }
    }

    @Test
    void aViolationNamesThePhysicalLineOfTheByte() {
        byte[] bytes = "h\nx\r\ny\0\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new TextGuard(chunked(bytes, 64), 1 << 20).readAllBytes())
                .isInstanceOfSatisfying(TextGuard.Violation.class, v -> {
                    assertThat(v.reason).isEqualTo(UnusableFileException.Reason.NOT_TEXT);
                    assertThat(v.line).isEqualTo(3);
                });
    }
}
