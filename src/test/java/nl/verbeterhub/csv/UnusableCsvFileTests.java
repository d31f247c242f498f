package nl.verbeterhub.csv;

import nl.verbeterhub.extract.UnusableFileException;
import static nl.verbeterhub.csv.CsvTestFiles.PAIN_HEADER;
import static nl.verbeterhub.csv.CsvTestFiles.assertUnusable;
import static nl.verbeterhub.csv.CsvTestFiles.options;
import static nl.verbeterhub.csv.CsvTestFiles.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.verbeterhub.theme.vbi.VbiTheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not usable as a whole (domain.md §2), and the structure pass that finds them first. */
class UnusableCsvFileTests {

    private final CsvTestFiles files;

    UnusableCsvFileTests(@TempDir Path dir) {
        files = new CsvTestFiles(dir);
    }

    @Test
    void aLoneCrAfterAClosingQuoteIsTextThereAndACrOnlyFileIsOneLine() throws Exception {
        // Text after a closing quote makes a file unusable (decision 7); a lone CR is text (decision 33).
        assertUnusable(files.file("q.csv", (PAIN_HEADER + "\nm1,\"p1\"\rm2,2025-03-01T08:05,NRS,4\n").getBytes()), options(),
                UnusableFileException.Reason.MALFORMED_QUOTING);
        // Old Mac line ends: the whole file is one physical line, its header holds no known type.
        assertUnusable(files.file("mac.csv", (PAIN_HEADER + "\rm1,p1,2025-03-01T08:05,NRS,4\r").getBytes()), options(),
                UnusableFileException.Reason.UNKNOWN_HEADER);
    }

    @Test
    void anUnusableFilesReasonNamesThePhysicalLineOfTheDefect() throws Exception {
        String text = PAIN_HEADER + "\r\n"                          // 1
                + "m1,\"p\n1\",2025-03-01T08:05,NRS,4\r\n"       // 2-3
                + "m2,p\r2,2025-03-01T08:05,NRS,4\n"                 // 4, a lone CR
                + "m3,p3,2025-03-01T08:05,NRS,4\u0000\n";            // 5
        for (Path f : List.of(files.file("nul.csv", text.getBytes(StandardCharsets.UTF_8)),
                files.file("nul-unquoted.csv", text.replace("\"p\n1\"", "p1\n").getBytes(StandardCharsets.UTF_8)))) {
            // through the tokenizer (quoted) and through the text-only structure pass (no quotes)
            assertThatThrownBy(() -> CsvExtractReader.verify(f, options()))
                    .isInstanceOfSatisfying(UnusableFileException.class, e -> {
                        assertThat(e.reason()).isEqualTo(UnusableFileException.Reason.NOT_TEXT);
                        assertThat(e.getMessage()).endsWith("at line 5");
                    });
        }
    }

    @Test
    void unusableFiles() throws Exception {
        assertUnusable(files.file("a.csv", new byte[0]), options(), UnusableFileException.Reason.EMPTY_FILE);
        assertUnusable(files.file("b.csv", "\n \n".getBytes()), options(), UnusableFileException.Reason.EMPTY_FILE);
        assertUnusable(files.file("c.csv", "naam,bsn\nJan,123\n".getBytes()), options(), UnusableFileException.Reason.UNKNOWN_HEADER);
        assertUnusable(files.file("d.csv", (PAIN_HEADER + ",registration_id,intervention_type,score,start\n").getBytes()),
                options(), UnusableFileException.Reason.AMBIGUOUS_HEADER);
        assertUnusable(files.file("e.csv", (PAIN_HEADER + "\n").getBytes()),
                options(Map.of(), Optional.of(VbiTheme.VBI), StandardCharsets.UTF_8, 1 << 20),
                UnusableFileException.Reason.MISSING_COLUMN);
        assertUnusable(files.file("f.csv", (PAIN_HEADER + ",Value\n").getBytes()), options(),
                UnusableFileException.Reason.DUPLICATE_COLUMN);
        byte[] latin1 = (PAIN_HEADER + "\nm1,p\u00eb1,2025-03-01T08:05,NRS,4\n").getBytes(StandardCharsets.ISO_8859_1);
        assertUnusable(files.file("g.csv", latin1), options(), UnusableFileException.Reason.NOT_TEXT);
        assertUnusable(files.file("h.csv", (PAIN_HEADER + "\nm1,p1,2025-03-01T08:05,NRS,4\u0000\n").getBytes()), options(),
                UnusableFileException.Reason.NOT_TEXT);
        assertUnusable(files.file("i.csv", (PAIN_HEADER + "\nm1,\"p1,2025-03-01T08:05,NRS,4\n").getBytes()), options(),
                UnusableFileException.Reason.UNTERMINATED_QUOTE);
        assertUnusable(files.file("j.csv", (PAIN_HEADER + "\nm1,p1,2025-03-01T08:05,NRS," + "4".repeat(200) + "\n").getBytes()),
                options(Map.of(), Optional.empty(), StandardCharsets.UTF_8, 100), UnusableFileException.Reason.LINE_TOO_LONG);
        assertUnusable(files.absent("missing.csv"), options(), UnusableFileException.Reason.NOT_FOUND);
    }

    /** Many quote-free rows, so that a defect after them lies beyond the first buffers of the text read. */
    private static String rows(int n) {
        StringBuilder b = new StringBuilder(PAIN_HEADER).append('\n');
        for (int i = 0; i < n; i++) b.append("m").append(i).append(",p").append(i % 7).append(",2025-03-01T08:05,NRS,4\n");
        return b.toString();
    }

    private void assertVerifyRefuses(Path file, CsvExtractReader.Options options, UnusableFileException.Reason reason) {
        assertThatThrownBy(() -> CsvExtractReader.verify(file, options))
                .isInstanceOfSatisfying(UnusableFileException.class, e -> assertThat(e.reason()).isEqualTo(reason));
        // The structure pass and the rows themselves agree on the reason.
        assertUnusable(file, options, reason);
    }

    @Test
    void theStructurePassFindsDefectsWithOrWithoutQuotesAnywhereInTheFile() throws Exception {
        // Quote-free files are read as text only: NUL, a line too long and bytes of another character set
        // are still found, however far in.
        String clean = rows(5_000);
        CsvExtractReader.verify(files.file(clean), options());
        assertVerifyRefuses(files.file("nul.csv", (clean + "m9,p1,2025-03-01T08:05,NRS,4\u0000\n").getBytes(StandardCharsets.UTF_8)),
                options(), UnusableFileException.Reason.NOT_TEXT);
        assertVerifyRefuses(files.file("latin.csv", (clean + "m9,p\u00eb,2025-03-01T08:05,NRS,4\n").getBytes(StandardCharsets.ISO_8859_1)),
                options(), UnusableFileException.Reason.NOT_TEXT);
        assertVerifyRefuses(files.file("long.csv", (clean + "m9,p1,2025-03-01T08:05,NRS," + "4".repeat(300) + "\n").getBytes(StandardCharsets.UTF_8)),
                options(Map.of(), Optional.empty(), StandardCharsets.UTF_8, 200), UnusableFileException.Reason.LINE_TOO_LONG);
        // With a quote somewhere the tokenizer decides: well-formed quoting passes, a stray quote after a
        // closing one and an unterminated one are refused — also when the quote comes late.
        CsvExtractReader.verify(files.file("quoted.csv", (clean + "m9,\"p,1\",2025-03-01T08:05,NRS,4\n").getBytes(StandardCharsets.UTF_8)), options());
        assertVerifyRefuses(files.file("stray.csv", (clean + "m9,\"p1\"x,2025-03-01T08:05,NRS,4\n").getBytes(StandardCharsets.UTF_8)),
                options(), UnusableFileException.Reason.MALFORMED_QUOTING);
        assertVerifyRefuses(files.file("open.csv", (clean + "m9,\"p1,2025-03-01T08:05,NRS,4\n" + rows(10)).getBytes(StandardCharsets.UTF_8)),
                options(), UnusableFileException.Reason.UNTERMINATED_QUOTE);
        // A quote before a defect of the text: the rows' reading finds the defect.
        assertVerifyRefuses(files.file("both.csv", ("\"measurement_id\"" + clean.substring("measurement_id".length())
                + "m9,p1,2025-03-01T08:05,NRS,4\u0000\n").getBytes(StandardCharsets.UTF_8)), options(), UnusableFileException.Reason.NOT_TEXT);
    }

    @Test
    void aLineExactlyAtTheLimitIsFineWithCrlf() throws Exception {
        String row = "m" + "1".repeat(40) + ",p1,2025-03-01T08:05,NRS,4";
        Path f = files.file(PAIN_HEADER + "\r\n" + row + "\r\n");
        assertThat(read(f, options(Map.of(), Optional.empty(), StandardCharsets.UTF_8, row.length())).rows()).hasSize(1);
    }
}
