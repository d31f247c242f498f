package nl.verbeterhub.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.record.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvExtractReaderTests {

    private static final String PAIN_HEADER = "measurement_id,patient_id,measured_at,scale,value";

    @TempDir
    Path dir;

    record Read(RecordType type, List<Integer> lines, List<Row> rows) {
        String value(int row, int column) {
            return rows.get(row).get(column);
        }
    }

    private Path file(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    private Path file(String text) throws IOException {
        return file("x.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private static CsvExtractReader.Options options() {
        return options(Map.of(), Optional.empty(), StandardCharsets.UTF_8, 1 << 20);
    }

    private static CsvExtractReader.Options options(Map<String, String> columns, Optional<RecordType> type,
                                                    Charset charset, long maxLine) {
        return new CsvExtractReader.Options(charset, maxLine, columns, type);
    }

    private static Read read(Path file, CsvExtractReader.Options options) throws Exception {
        List<Integer> lines = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        try (CsvExtractReader r = CsvExtractReader.open(file, options)) {
            while (r.next()) {
                lines.add(r.line());
                rows.add(r.row());
            }
            return new Read(r.recordType(), lines, rows);
        }
    }

    @Test
    void recognisesTheRecordTypeFromTheHeader() throws Exception {
        assertThat(read(file(PAIN_HEADER + "\n"), options()).type()).isEqualTo(RecordType.PIJN);
        assertThat(read(file("registration_id,patient_id,intervention_type,score,start\n"), options()).type())
                .isEqualTo(RecordType.VBI);
        assertThat(read(file("procedure_id,patient_id,birth_date,induction_at\n"), options()).type())
                .isEqualTo(RecordType.NUCHTER);
        assertThat(read(file("admission_id,patient_id,admitted_at\n"), options()).type())
                .isEqualTo(RecordType.ADMISSION);
    }

    @Test
    void excelDutchDialect() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String text = " Measurement_ID ;PATIENT_ID;Measured_At;Scale;Value;bsn\r\n"
                + "m1;p1;1-3-2025 8:05;NRS;4,0;123456782\r\n"
                + "\"m;2\";\"p \"\"2\"\"\";1-3-2025 9:05; vas ;39,5;\r\n";
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        Read read = read(file("excel.csv", all), options());
        assertThat(read.type()).isEqualTo(RecordType.PIJN);
        assertThat(read.lines()).containsExactly(2, 3);
        assertThat(read.value(1, 0)).isEqualTo("m;2");
        assertThat(read.value(1, 1)).isEqualTo("p \"2\"");
        assertThat(read.value(1, 4)).isEqualTo("vas");
        assertThat(read.value(1, 5)).isEqualTo("39,5");
        assertThat(read.rows().get(0).malformed()).isFalse();
    }

    @Test
    void lineNumbersArePhysicalAndBlankLinesAreSkipped() throws Exception {
        String text = "\n" + PAIN_HEADER + "\n"        // lines 1-2
                + "m1,p1,2025-03-01T08:05,NRS,4\n"        // 3
                + "   \n"                                 // 4 blank
                + ",,,,\n"                                // 5 only separators
                + "m2,\"p\n2\",2025-03-01T09:05,NRS,4\n"  // 6-7
                + "m3,p3,2025-03-01T10:05,NRS,4";          // 8, no final newline
        Read read = read(file(text), options());
        assertThat(read.lines()).containsExactly(3, 6, 8);
        assertThat(read.value(1, 1)).isEqualTo("p\n2");
    }

    @Test
    void aLoneCrIsNoLineBreakInOrOutOfQuotes() throws Exception {
        // Lines end in LF or CRLF: a CR alone neither ends a row nor counts as a line.
        String text = PAIN_HEADER + "\r\n"                 // 1
                + "m1,p\r1,2025-03-01T08:05,NRS,4\r\n"    // 2
                + "m2,\"p\r2\",2025-03-01T09:05,NRS,4\r\r\n" // 3
                + "m3,p3,2025-03-01T10:05,NRS,4\r";        // 4, a CR at the end of the file
        Read read = read(file(text), options());
        assertThat(read.lines()).containsExactly(2, 3, 4);
        assertThat(read.rows()).allSatisfy(row -> assertThat(row.malformed()).isFalse());
        assertThat(read.value(0, 1)).hasSize(3).startsWith("p").endsWith("1");
        assertThat(read.value(1, 1)).hasSize(3).startsWith("p").endsWith("2");
        assertThat(read.value(2, 5)).isEqualTo("4");
    }

    @Test
    void aLoneCrAfterAClosingQuoteIsTextThereAndACrOnlyFileIsOneLine() throws Exception {
        // Text after a closing quote makes a file unusable (decision 7); a lone CR is text (decision 33).
        assertUnusable(file("q.csv", (PAIN_HEADER + "\nm1,\"p1\"\rm2,2025-03-01T08:05,NRS,4\n").getBytes()), options(),
                UnusableFileException.Reason.MALFORMED_QUOTING);
        // Old Mac line ends: the whole file is one physical line, its header holds no known type.
        assertUnusable(file("mac.csv", (PAIN_HEADER + "\rm1,p1,2025-03-01T08:05,NRS,4\r").getBytes()), options(),
                UnusableFileException.Reason.UNKNOWN_HEADER);
    }

    @Test
    void anUnusableFilesReasonNamesThePhysicalLineOfTheDefect() throws Exception {
        String text = PAIN_HEADER + "\r\n"                          // 1
                + "m1,\"p\n1\",2025-03-01T08:05,NRS,4\r\n"       // 2-3
                + "m2,p\r2,2025-03-01T08:05,NRS,4\n"                 // 4, a lone CR
                + "m3,p3,2025-03-01T08:05,NRS,4\u0000\n";            // 5
        for (Path f : List.of(file("nul.csv", text.getBytes(StandardCharsets.UTF_8)),
                file("nul-unquoted.csv", text.replace("\"p\n1\"", "p1\n").getBytes(StandardCharsets.UTF_8)))) {
            // through the tokenizer (quoted) and through the text-only structure pass (no quotes)
            assertThatThrownBy(() -> CsvExtractReader.verify(f, options()))
                    .isInstanceOfSatisfying(UnusableFileException.class, e -> {
                        assertThat(e.reason()).isEqualTo(UnusableFileException.Reason.NOT_TEXT);
                        assertThat(e.getMessage()).endsWith("at line 5");
                    });
        }
    }

    @Test
    void extraFieldsAreMalformedOnlyWhenNotEmpty() throws Exception {
        String text = PAIN_HEADER + "\nm1,p1,2025-03-01T08:05,NRS,4,,  ,\nm2,p2,2025-03-01T08:05,NRS,4,x\nm3,p3\n";
        Read read = read(file(text), options());
        assertThat(read.rows().get(0).malformed()).isFalse();
        assertThat(read.rows().get(1).malformed()).isTrue();
        assertThat(read.rows().get(2).malformed()).isFalse();
        assertThat(read.value(2, 3)).isNull();
    }

    @Test
    void valuesAreTrimmedAndEmptyIsAbsent() throws Exception {
        Read read = read(file(PAIN_HEADER + ",admission_id\n m1 ,\u00a0p1\u00a0,2025-03-01T08:05,NRS, 4 ,  \n"), options());
        assertThat(read.value(0, 0)).isEqualTo("m1");
        assertThat(read.value(0, 1)).isEqualTo("p1");
        assertThat(read.value(0, 2)).isNull();
        assertThat(read.value(0, 5)).isEqualTo("4");
    }

    @Test
    void aConnectorMapsItsOwnColumnNames() throws Exception {
        Read read = read(file("Meting,Patientnummer,Tijdstip,Schaal,Score\nm1,p1,2025-03-01T08:05,NRS,4\n"),
                options(Map.of("measurement_id", "Meting", "patient_id", "patientnummer", "measured_at", "tijdstip",
                        "scale", "schaal", "value", "score"), Optional.empty(), StandardCharsets.UTF_8, 1 << 20));
        assertThat(read.type()).isEqualTo(RecordType.PIJN);
        assertThat(read.value(0, 1)).isEqualTo("p1");
    }

    @Test
    void fullyQuotedFilesInEitherDialect() throws Exception {
        String comma = "\"measurement_id\",\"patient_id\",\"measured_at\",\"scale\",\"value\"\n"
                + "\"m1\",\"p1\",\"2025-03-01T08:05\",\"NRS\",\"4\"\n";
        Read a = read(file(comma), options());
        assertThat(a.type()).isEqualTo(RecordType.PIJN);
        assertThat(a.value(0, 5)).isEqualTo("4");
        Read b = read(file("b.csv", comma.replace("\",\"", "\";\"").getBytes(StandardCharsets.UTF_8)), options());
        assertThat(b.type()).isEqualTo(RecordType.PIJN);
        assertThat(b.value(0, 1)).isEqualTo("p1");
    }

    @Test
    void aHeaderWithoutDataRowsIsAnEmptyExtract() throws Exception {
        assertThat(read(file(PAIN_HEADER + "\r\n"), options()).rows()).isEmpty();
    }

    @Test
    void windows1252WhenTheConnectorSaysSo() throws Exception {
        byte[] bytes = (PAIN_HEADER + "\nm1,p\u00eb1,2025-03-01T08:05,NRS,4\n").getBytes(Charset.forName("windows-1252"));
        Read read = read(file("cp.csv", bytes), options(Map.of(), Optional.empty(), Charset.forName("windows-1252"), 1 << 20));
        assertThat(read.value(0, 1)).isEqualTo("p\u00eb1");
    }

    private void assertUnusable(Path file, CsvExtractReader.Options options, UnusableFileException.Reason reason) {
        assertThatThrownBy(() -> read(file, options))
                .isInstanceOfSatisfying(UnusableFileException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void unusableFiles() throws Exception {
        assertUnusable(file("a.csv", new byte[0]), options(), UnusableFileException.Reason.EMPTY_FILE);
        assertUnusable(file("b.csv", "\n \n".getBytes()), options(), UnusableFileException.Reason.EMPTY_FILE);
        assertUnusable(file("c.csv", "naam,bsn\nJan,123\n".getBytes()), options(), UnusableFileException.Reason.UNKNOWN_HEADER);
        assertUnusable(file("d.csv", (PAIN_HEADER + ",registration_id,intervention_type,score,start\n").getBytes()),
                options(), UnusableFileException.Reason.AMBIGUOUS_HEADER);
        assertUnusable(file("e.csv", (PAIN_HEADER + "\n").getBytes()),
                options(Map.of(), Optional.of(RecordType.VBI), StandardCharsets.UTF_8, 1 << 20),
                UnusableFileException.Reason.MISSING_COLUMN);
        assertUnusable(file("f.csv", (PAIN_HEADER + ",Value\n").getBytes()), options(),
                UnusableFileException.Reason.DUPLICATE_COLUMN);
        byte[] latin1 = (PAIN_HEADER + "\nm1,p\u00eb1,2025-03-01T08:05,NRS,4\n").getBytes(StandardCharsets.ISO_8859_1);
        assertUnusable(file("g.csv", latin1), options(), UnusableFileException.Reason.NOT_TEXT);
        assertUnusable(file("h.csv", (PAIN_HEADER + "\nm1,p1,2025-03-01T08:05,NRS,4\u0000\n").getBytes()), options(),
                UnusableFileException.Reason.NOT_TEXT);
        assertUnusable(file("i.csv", (PAIN_HEADER + "\nm1,\"p1,2025-03-01T08:05,NRS,4\n").getBytes()), options(),
                UnusableFileException.Reason.UNTERMINATED_QUOTE);
        assertUnusable(file("j.csv", (PAIN_HEADER + "\nm1,p1,2025-03-01T08:05,NRS," + "4".repeat(200) + "\n").getBytes()),
                options(Map.of(), Optional.empty(), StandardCharsets.UTF_8, 100), UnusableFileException.Reason.LINE_TOO_LONG);
        assertUnusable(dir.resolve("missing.csv"), options(), UnusableFileException.Reason.NOT_FOUND);
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
        CsvExtractReader.verify(file(clean), options());
        assertVerifyRefuses(file("nul.csv", (clean + "m9,p1,2025-03-01T08:05,NRS,4\u0000\n").getBytes(StandardCharsets.UTF_8)),
                options(), UnusableFileException.Reason.NOT_TEXT);
        assertVerifyRefuses(file("latin.csv", (clean + "m9,p\u00eb,2025-03-01T08:05,NRS,4\n").getBytes(StandardCharsets.ISO_8859_1)),
                options(), UnusableFileException.Reason.NOT_TEXT);
        assertVerifyRefuses(file("long.csv", (clean + "m9,p1,2025-03-01T08:05,NRS," + "4".repeat(300) + "\n").getBytes(StandardCharsets.UTF_8)),
                options(Map.of(), Optional.empty(), StandardCharsets.UTF_8, 200), UnusableFileException.Reason.LINE_TOO_LONG);
        // With a quote somewhere the tokenizer decides: well-formed quoting passes, a stray quote after a
        // closing one and an unterminated one are refused — also when the quote comes late.
        CsvExtractReader.verify(file("quoted.csv", (clean + "m9,\"p,1\",2025-03-01T08:05,NRS,4\n").getBytes(StandardCharsets.UTF_8)), options());
        assertVerifyRefuses(file("stray.csv", (clean + "m9,\"p1\"x,2025-03-01T08:05,NRS,4\n").getBytes(StandardCharsets.UTF_8)),
                options(), UnusableFileException.Reason.MALFORMED_QUOTING);
        assertVerifyRefuses(file("open.csv", (clean + "m9,\"p1,2025-03-01T08:05,NRS,4\n" + rows(10)).getBytes(StandardCharsets.UTF_8)),
                options(), UnusableFileException.Reason.UNTERMINATED_QUOTE);
        // A quote before a defect of the text: the rows' reading finds the defect.
        assertVerifyRefuses(file("both.csv", ("\"measurement_id\"" + clean.substring("measurement_id".length())
                + "m9,p1,2025-03-01T08:05,NRS,4\u0000\n").getBytes(StandardCharsets.UTF_8)), options(), UnusableFileException.Reason.NOT_TEXT);
    }

    @Test
    void aLineExactlyAtTheLimitIsFineWithCrlf() throws Exception {
        String row = "m" + "1".repeat(40) + ",p1,2025-03-01T08:05,NRS,4";
        Path f = file(PAIN_HEADER + "\r\n" + row + "\r\n");
        assertThat(read(f, options(Map.of(), Optional.empty(), StandardCharsets.UTF_8, row.length())).rows()).hasSize(1);
    }
}
