package nl.verbeterhub.csv;

import static nl.verbeterhub.csv.CsvTestFiles.PAIN_HEADER;
import static nl.verbeterhub.csv.CsvTestFiles.options;
import static nl.verbeterhub.csv.CsvTestFiles.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import nl.verbeterhub.admission.Admissions;
import nl.verbeterhub.csv.CsvTestFiles.Read;
import nl.verbeterhub.theme.nuchter.FastingTheme;
import nl.verbeterhub.theme.pijn.PainTheme;
import nl.verbeterhub.theme.vbi.VbiTheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the rows of usable files: dialects, line numbers, quoting, trimming, mapped columns. */
class CsvExtractReaderTests {

    private final CsvTestFiles files;

    CsvExtractReaderTests(@TempDir Path dir) {
        files = new CsvTestFiles(dir);
    }

    @Test
    void recognisesTheRecordTypeFromTheHeader() throws Exception {
        assertThat(read(files.file(PAIN_HEADER + "\n"), options()).type()).isEqualTo(PainTheme.PIJN);
        assertThat(read(files.file("registration_id,patient_id,intervention_type,score,start\n"), options()).type())
                .isEqualTo(VbiTheme.VBI);
        assertThat(read(files.file("procedure_id,patient_id,birth_date,induction_at\n"), options()).type())
                .isEqualTo(FastingTheme.NUCHTER);
        assertThat(read(files.file("admission_id,patient_id,admitted_at\n"), options()).type())
                .isEqualTo(Admissions.ADMISSION);
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
        Read read = read(files.file("excel.csv", all), options());
        assertThat(read.type()).isEqualTo(PainTheme.PIJN);
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
        Read read = read(files.file(text), options());
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
        Read read = read(files.file(text), options());
        assertThat(read.lines()).containsExactly(2, 3, 4);
        assertThat(read.rows()).allSatisfy(row -> assertThat(row.malformed()).isFalse());
        assertThat(read.value(0, 1)).hasSize(3).startsWith("p").endsWith("1");
        assertThat(read.value(1, 1)).hasSize(3).startsWith("p").endsWith("2");
        assertThat(read.value(2, 5)).isEqualTo("4");
    }

    @Test
    void extraFieldsAreMalformedOnlyWhenNotEmpty() throws Exception {
        String text = PAIN_HEADER + "\nm1,p1,2025-03-01T08:05,NRS,4,,  ,\nm2,p2,2025-03-01T08:05,NRS,4,x\nm3,p3\n";
        Read read = read(files.file(text), options());
        assertThat(read.rows().get(0).malformed()).isFalse();
        assertThat(read.rows().get(1).malformed()).isTrue();
        assertThat(read.rows().get(2).malformed()).isFalse();
        assertThat(read.value(2, 3)).isNull();
    }

    @Test
    void valuesAreTrimmedAndEmptyIsAbsent() throws Exception {
        Read read = read(files.file(PAIN_HEADER + ",admission_id\n m1 ,\u00a0p1\u00a0,2025-03-01T08:05,NRS, 4 ,  \n"), options());
        assertThat(read.value(0, 0)).isEqualTo("m1");
        assertThat(read.value(0, 1)).isEqualTo("p1");
        assertThat(read.value(0, 2)).isNull();
        assertThat(read.value(0, 5)).isEqualTo("4");
    }

    @Test
    void aConnectorMapsItsOwnColumnNames() throws Exception {
        Read read = read(files.file("Meting,Patientnummer,Tijdstip,Schaal,Score\nm1,p1,2025-03-01T08:05,NRS,4\n"),
                options(Map.of("measurement_id", "Meting", "patient_id", "patientnummer", "measured_at", "tijdstip",
                        "scale", "schaal", "value", "score"), Optional.empty(), StandardCharsets.UTF_8, 1 << 20));
        assertThat(read.type()).isEqualTo(PainTheme.PIJN);
        assertThat(read.value(0, 1)).isEqualTo("p1");
    }

    @Test
    void fullyQuotedFilesInEitherDialect() throws Exception {
        String comma = "\"measurement_id\",\"patient_id\",\"measured_at\",\"scale\",\"value\"\n"
                + "\"m1\",\"p1\",\"2025-03-01T08:05\",\"NRS\",\"4\"\n";
        Read a = read(files.file(comma), options());
        assertThat(a.type()).isEqualTo(PainTheme.PIJN);
        assertThat(a.value(0, 5)).isEqualTo("4");
        Read b = read(files.file("b.csv", comma.replace("\",\"", "\";\"").getBytes(StandardCharsets.UTF_8)), options());
        assertThat(b.type()).isEqualTo(PainTheme.PIJN);
        assertThat(b.value(0, 1)).isEqualTo("p1");
    }

    @Test
    void aHeaderWithoutDataRowsIsAnEmptyExtract() throws Exception {
        assertThat(read(files.file(PAIN_HEADER + "\r\n"), options()).rows()).isEmpty();
    }

    @Test
    void windows1252WhenTheConnectorSaysSo() throws Exception {
        byte[] bytes = (PAIN_HEADER + "\nm1,p\u00eb1,2025-03-01T08:05,NRS,4\n").getBytes(Charset.forName("windows-1252"));
        Read read = read(files.file("cp.csv", bytes), options(Map.of(), Optional.empty(), Charset.forName("windows-1252"), 1 << 20));
        assertThat(read.value(0, 1)).isEqualTo("p\u00eb1");
    }
}
