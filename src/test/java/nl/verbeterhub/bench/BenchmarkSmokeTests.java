package nl.verbeterhub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import nl.verbeterhub.record.RecordType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark harness at a smoke size, so that it keeps working; the real runs are bench/run.sh. */
class BenchmarkSmokeTests {

    @TempDir
    Path dir;

    @Test
    void theGeneratorIsDeterministicInBothDialects() throws Exception {
        for (ExportGenerator.Dialect dialect : ExportGenerator.Dialect.values()) {
            for (RecordType type : RecordType.values()) {
                Path a = ExportGenerator.write(type, dialect, 500, 7, dir.resolve(type + "-" + dialect + "-a.csv"));
                Path b = ExportGenerator.write(type, dialect, 500, 7, dir.resolve(type + "-" + dialect + "-b.csv"));
                assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
            }
        }
    }

    @Test
    void theFloorAndTheValidatePathRunOnASmallExport() throws Exception {
        Path file = ExportGenerator.write(RecordType.PIJN, ExportGenerator.Dialect.DUTCH, 2_000, 1, dir.resolve("pijn.csv"));
        HeapWatch heap = new HeapWatch();
        assertThat(BenchCase.floor(file, heap)).isPositive();
        assertThat(BenchCase.validate(file, heap)).isPositive();
        assertThat(heap.peakUsed()).isPositive();
    }
}
