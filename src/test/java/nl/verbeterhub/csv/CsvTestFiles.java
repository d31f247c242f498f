package nl.verbeterhub.csv;

import nl.verbeterhub.extract.UnusableFileException;
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

/** Small CSV files in a test's folder, and reading them the way an extract is read. */
final class CsvTestFiles {

    static final String PAIN_HEADER = "measurement_id,patient_id,measured_at,scale,value";

    private final Path dir;

    CsvTestFiles(Path dir) {
        this.dir = dir;
    }

    record Read(RecordType type, List<Integer> lines, List<Row> rows) {
        String value(int row, int column) {
            return rows.get(row).get(column);
        }
    }

    Path file(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    Path file(String text) throws IOException {
        return file("x.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    /** A path in the folder where no file is. */
    Path absent(String name) {
        return dir.resolve(name);
    }

    static CsvExtractReader.Options options() {
        return options(Map.of(), Optional.empty(), StandardCharsets.UTF_8, 1 << 20);
    }

    static CsvExtractReader.Options options(Map<String, String> columns, Optional<RecordType> type,
                                            Charset charset, long maxLine) {
        return new CsvExtractReader.Options(charset, maxLine, columns, type);
    }

    static Read read(Path file, CsvExtractReader.Options options) throws Exception {
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

    static void assertUnusable(Path file, CsvExtractReader.Options options, UnusableFileException.Reason reason) {
        assertThatThrownBy(() -> read(file, options))
                .isInstanceOfSatisfying(UnusableFileException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
