package nl.verbeterhub.bench.jmh;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.concurrent.TimeUnit;
import nl.verbeterhub.pseudonym.PseudonymSecret;
import nl.verbeterhub.pseudonym.Pseudonymizer;
import nl.verbeterhub.record.RowResult;
import nl.verbeterhub.record.TextRow;
import nl.verbeterhub.state.StoredRecord;
import nl.verbeterhub.theme.pijn.PainRowParser;
import nl.verbeterhub.theme.pijn.PainScales;
import nl.verbeterhub.time.Amsterdam;
import nl.verbeterhub.time.LocalDateTimes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The per-record steps of the ingest, one at a time (bench/run.sh --jmh). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HotPathsBench {

    private static final DateTimeFormatter ISO_SPACE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm")
            .withResolverStyle(ResolverStyle.STRICT);

    private final PainRowParser parser = new PainRowParser(PainScales.defaults());
    private final Pseudonymizer pseudonyms = new Pseudonymizer(PseudonymSecret.of("jmh-secret-0123456789"), 100_000);
    private final String[] values = {"M123456", "PT4711", null, "2025-03-01 08:05", "NRS", "4", null};
    private int counter;

    @Benchmark
    public long dateTimeHandWritten() {
        return LocalDateTimes.parseEpochSecond("2025-03-01 08:05");
    }

    @Benchmark
    public long dateTimeFormatter() {
        return LocalDateTime.parse("2025-03-01 08:05", ISO_SPACE).atZone(Amsterdam.ZONE).toEpochSecond();
    }

    @Benchmark
    public RowResult painRowCheck() {
        return parser.parse(new TextRow(values.clone(), false));
    }

    @Benchmark
    public String recordKeyHmac() {
        return pseudonyms.recordKey("06019999", "PIJN", "M" + (counter++));
    }

    @Benchmark
    public byte[] patientPseudonymCached() {
        return pseudonyms.patient("06019999", "PT" + ((counter++) & 1023));
    }

    @Benchmark
    public byte[] storedRecordEncode() {
        RowResult.Accepted a = (RowResult.Accepted) parser.parse(new TextRow(values.clone(), false));
        return StoredRecord.encode(nl.verbeterhub.theme.pijn.PainTheme.PIJN, "connector", new byte[32], a.anchorEpochSecond(),
                a.payload());
    }
}
