package nl.verbeterhub.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lines of an NDJSON file as byte ranges: physical numbers, line ends, a BOM, and lines too long to hold. */
class NdjsonLinesTests {

    private static final int KIB = 1024;
    /** Stands in for the text of a line over the limit, whose bytes are not available. */
    private static final String TOO_LONG = "TOO_LONG";

    @TempDir
    Path dir;

    private Path file(byte[] content) throws IOException {
        return Files.write(dir.resolve("f" + System.nanoTime() + ".ndjson"), content);
    }

    private Path file(String content) throws IOException {
        return file(content.getBytes(StandardCharsets.UTF_8));
    }

    /** Every line the reader gives, as {@code number:text}; the text of a too-long line is never looked at. */
    private static List<String> lines(Path file, int max) throws IOException {
        List<String> seen = new ArrayList<>();
        try (NdjsonLines lines = new NdjsonLines(file, max)) {
            while (lines.next()) {
                String text = lines.tooLong() ? TOO_LONG
                        : new String(lines.bytes(), lines.offset(), lines.length(), StandardCharsets.UTF_8);
                seen.add(lines.line() + ":" + text);
            }
            assertThat(lines.next()).as("the end stays the end").isFalse();
        }
        return seen;
    }

    @Test
    void blankLinesAreSkippedAndNumbersStayPhysical() throws IOException {
        Path f = file("{\"a\":1}\n\n   \n\t\n{\"a\":2}\n\r\n{\"a\":3}\n");
        assertThat(lines(f, 1000)).containsExactly("1:{\"a\":1}", "5:{\"a\":2}", "7:{\"a\":3}");
    }

    @Test
    void crlfLeavesTheCarriageReturnInTheRangeWhereJsonReadsItAsWhitespace() throws IOException {
        Path f = file("{\"resourceType\":\"Patient\",\"id\":\"p1\"}\r\n\r\n{\"resourceType\":\"Patient\",\"id\":\"p2\"}\r\n");
        assertThat(lines(f, 1000)).containsExactly("1:{\"resourceType\":\"Patient\",\"id\":\"p1\"}\r",
                "3:{\"resourceType\":\"Patient\",\"id\":\"p2\"}\r");
        JsonResourceReader json = new JsonResourceReader(Set.of("Patient"));
        FhirResource r = new FhirResource();
        try (NdjsonLines lines = new NdjsonLines(f, 1000)) {
            assertThat(lines.next()).isTrue();
            assertThat(json.read(lines.bytes(), lines.offset(), lines.length(), t -> true, r))
                    .isEqualTo(JsonResourceReader.Outcome.RESOURCE);
            assertThat(r.id).isEqualTo("p1");
        }
    }

    @Test
    void aLastLineWithoutLineBreakIsALine() throws IOException {
        assertThat(lines(file("{\"a\":1}\n{\"a\":2}"), 1000)).containsExactly("1:{\"a\":1}", "2:{\"a\":2}");
        assertThat(lines(file("x"), 1000)).containsExactly("1:x");
        assertThat(lines(file("{\"a\":1}\n   "), 1000)).as("a blank last line").containsExactly("1:{\"a\":1}");
    }

    @Test
    void aByteOrderMarkAtTheStartIsDropped() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        assertThat(lines(file(concat(bom, "{\"a\":1}\n{\"a\":2}\n")), 1000)).containsExactly("1:{\"a\":1}", "2:{\"a\":2}");
        assertThat(lines(file(concat(bom, "\n\n{\"a\":1}")), 1000)).containsExactly("3:{\"a\":1}");
        assertThat(lines(file(bom), 1000)).as("only a BOM").isEmpty();
        // Not at the start it is content (and then no valid JSON): only the file's first bytes are a mark.
        assertThat(lines(file(concat("{\"a\":1}\n".getBytes(StandardCharsets.UTF_8), concat(bom, "x"))), 1000))
                .containsExactly("1:{\"a\":1}", "2:\uFEFFx");
    }

    @Test
    void emptyAndBlankFilesHaveNoLines() throws IOException {
        assertThat(lines(file(""), 1000)).isEmpty();
        assertThat(lines(file("\n\n  \n\r\n\t"), 1000)).isEmpty();
    }

    @Test
    void theLimitIsInclusive() throws IOException {
        String fits = "x".repeat(100);
        String over = "y".repeat(101);
        assertThat(lines(file(fits + "\n" + over + "\n" + fits + "\n" + over), 100))
                .containsExactly("1:" + fits, "2:" + TOO_LONG, "3:" + fits, "4:" + TOO_LONG);
    }

    /** A line far past the limit is read through to its end, never held: the buffer stays small, the next lines come. */
    @Test
    void aTooLongLineIsSkippedWithoutBeingHeld() throws IOException {
        int max = 10 * KIB;
        Path f = dir.resolve("long.ndjson");
        try (OutputStream out = Files.newOutputStream(f)) {
            out.write("{\"a\":1}\n".getBytes(StandardCharsets.US_ASCII));
            out.write(repeat('z', 20 << 20)); // 20 MiB on one line
            out.write("\n\n{\"a\":2}\n".getBytes(StandardCharsets.US_ASCII));
            out.write(repeat('w', 3 << 20)); // and a last one without line break
        }
        List<String> seen = new ArrayList<>();
        try (NdjsonLines lines = new NdjsonLines(f, max)) {
            while (lines.next()) {
                seen.add(lines.line() + ":" + (lines.tooLong() ? TOO_LONG : text(lines)));
                assertThat(lines.bytes().length).as("buffer at line %d", lines.line()).isLessThanOrEqualTo(1 << 20);
            }
        }
        assertThat(seen).containsExactly("1:{\"a\":1}", "2:" + TOO_LONG, "4:{\"a\":2}", "5:" + TOO_LONG);
    }

    /** Lines beyond the 64 KiB read chunks and the initial buffer: they grow the buffer and come back whole. */
    @Test
    void longLinesWithinTheLimitSpanChunksAndGrowTheBuffer() throws IOException {
        List<String> written = List.of(pattern('a', 100 * KIB), "{\"a\":1}", pattern('b', 300 * KIB),
                pattern('c', 64 * KIB - 1), pattern('d', 64 * KIB), pattern('e', 64 * KIB + 1), pattern('f', 900 * KIB), "x");
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (String line : written) content.writeBytes((line + "\n").getBytes(StandardCharsets.US_ASCII));
        Path f = file(content.toByteArray());
        List<String> read = new ArrayList<>();
        try (NdjsonLines lines = new NdjsonLines(f, 1 << 20)) {
            while (lines.next()) {
                assertThat(lines.tooLong()).as("line %d", lines.line()).isFalse();
                assertThat(lines.line()).isEqualTo(read.size() + 1);
                read.add(text(lines));
            }
        }
        assertThat(read).hasSize(written.size());
        for (int i = 0; i < written.size(); i++) {
            assertThat(read.get(i)).as("line %d", i + 1).isEqualTo(written.get(i));
        }
    }

    /** Lines that end exactly at and around chunk boundaries: none is cut in two or merged with the next. */
    @Test
    void lineBreaksAtChunkBoundaries() throws IOException {
        List<String> written = new ArrayList<>();
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (int i = 0; content.size() < 1 << 20; i++) {
            // 64 KiB - 1 bytes plus its newline: every break falls on a chunk's last byte, shifted by one each time
            String line = pattern((char) ('a' + i % 26), 64 * KIB - 1 + (i % 3) - 1);
            written.add(line);
            content.writeBytes((line + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        List<String> read = new ArrayList<>();
        try (NdjsonLines lines = new NdjsonLines(file(content.toByteArray()), 200 * KIB)) {
            while (lines.next()) read.add(text(lines));
        }
        assertThat(read).isEqualTo(written);
    }

    private static String text(NdjsonLines lines) {
        return new String(lines.bytes(), lines.offset(), lines.length(), StandardCharsets.UTF_8);
    }

    /** Text that shows where it was cut: a letter, then its own position every 16 bytes. */
    private static String pattern(char letter, int length) {
        StringBuilder b = new StringBuilder(length + 16);
        while (b.length() < length) b.append(letter).append(String.format("%015d", b.length()));
        return b.substring(0, length);
    }

    private static byte[] repeat(char c, int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) c);
        return b;
    }

    private static byte[] concat(byte[] a, String b) {
        return concat(a, b.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
