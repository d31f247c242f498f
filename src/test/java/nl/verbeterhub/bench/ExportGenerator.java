package nl.verbeterhub.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.SplittableRandom;
import nl.verbeterhub.admission.Admissions;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.theme.antistolling.AntistollingTheme;
import nl.verbeterhub.theme.diagnostiek.DiagnostiekTheme;
import nl.verbeterhub.theme.kwetsbaar.KwetsbaarTheme;
import nl.verbeterhub.theme.nuchter.FastingTheme;
import nl.verbeterhub.theme.pijn.PainTheme;
import nl.verbeterhub.theme.vbi.VbiTheme;

/**
 * Deterministic large exports for benchmarks and the crash test: same type, dialect, row count and
 * seed give the same bytes. About one row in a hundred is invalid, as in real exports; patients repeat
 * (one per twenty rows), so pseudonym caching and patient ordering are exercised.
 *
 * <p>{@code java … ExportGenerator PIJN DUTCH 1000000 42 out.csv}
 */
public final class ExportGenerator {

    /** The two CSV dialects hospitals send. */
    public enum Dialect {
        /** Comma, ISO date-times with a space, decimal point, LF. */
        ISO(',', "\n", false),
        /** What Excel makes in the Netherlands: BOM, semicolon, d-M-yyyy H:mm, decimal comma, CRLF. */
        DUTCH(';', "\r\n", true);

        final char separator;
        final String newline;
        final boolean excel;

        Dialect(char separator, String newline, boolean excel) {
            this.separator = separator;
            this.newline = newline;
            this.excel = excel;
        }
    }

    private static final LocalDateTime START = LocalDateTime.of(2025, 1, 1, 0, 0);
    private static final String[] SCALES = {"NRS", "NRS", "NRS", "VAS100", "FLACC", "COMFORT", "VAS10"};
    private static final String[] INTERVENTIONS = {"onrustband", "polsband", "stoelfixatie", "hele bedhekken",
            "halve bedhekken", "bedsensor"};

    private final Dialect dialect;
    private final SplittableRandom random;
    private final long patients;

    private ExportGenerator(Dialect dialect, long seed, long rows) {
        this.dialect = dialect;
        this.random = new SplittableRandom(seed);
        this.patients = Math.max(1, rows / 20);
    }

    public static Path write(RecordType type, Dialect dialect, long rows, long seed, Path out) throws IOException {
        return write(type, dialect, rows, seed, 1, out);
    }

    /** @param firstId the number of the first record id, so that several files can hold different records */
    public static Path write(RecordType type, Dialect dialect, long rows, long seed, long firstId, Path out)
            throws IOException {
        ExportGenerator g = new ExportGenerator(dialect, seed, rows);
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8),
                1 << 16)) {
            if (dialect.excel) w.write('\ufeff');
            g.line(w, header(type));
            for (long i = firstId; i < firstId + rows; i++) {
                g.line(w, g.row(type, i));
            }
        }
        return out;
    }

    /** The record types this generator writes exports of (the benchmarks' {@code --type}). */
    public static final List<RecordType> GENERATED = List.of(VbiTheme.VBI, FastingTheme.NUCHTER, PainTheme.PIJN,
            Admissions.ADMISSION, KwetsbaarTheme.KWETSBAAR, AntistollingTheme.ANTISTOLLING, DiagnostiekTheme.DIAGNOSTIEK);

    private static final String[] DESTINATIONS = {"thuis", "verpleeghuis", "revalidatie", "overleden", "anders"};
    private static final String[] ANTICOAGULANTS = {"VKA", "DOAC", "LMWH", "TAR", "DAPT", "B01AA07", "B01AF02"};
    private static final String[] RISKS = {"laag", "intermediair", "hoog", ""};
    private static final String[] PLANS = {"doorgaan", "onderbreken", "overbruggen", ""};
    private static final String[] DISCIPLINES = {"lab", "radiologie", "pathologie", "overig", ""};

    private static String[] header(RecordType type) {
        return type.columns().stream().map(c -> c.name()).toArray(String[]::new);
    }

    private void line(BufferedWriter w, String[] fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) w.write(dialect.separator);
            w.write(fields[i]);
        }
        w.write(dialect.newline);
    }

    private String[] row(RecordType type, long i) {
        String patient = "PT" + (1 + random.nextLong(patients));
        LocalDateTime at = START.plusMinutes(random.nextLong(2L * 365 * 24 * 60));
        boolean bad = random.nextInt(100) == 0;
        return switch (type.name()) {
            case "VBI" -> {
                int score = bad ? 6 : 1 + random.nextInt(5);
                String end = random.nextInt(10) == 0 ? "" : time(at.plusMinutes(10 + random.nextInt(600)));
                yield new String[] {"R" + i, patient, "W" + random.nextInt(20), INTERVENTIONS[random.nextInt(INTERVENTIONS.length)],
                        String.valueOf(score), time(at), end, random.nextBoolean() ? bool(true) : bool(false)};
            }
            case "NUCHTER" -> {
                String clear = random.nextInt(8) == 0 ? "" : time(at.minusMinutes(bad ? -30 : 20 + random.nextInt(400)));
                String solid = random.nextInt(5) == 0 ? "" : time(at.minusMinutes(240 + random.nextInt(900)));
                yield new String[] {"N" + i, patient, String.valueOf(random.nextInt(19)), "", time(at), solid, clear,
                        random.nextInt(6) == 0 ? "spoed" : "electief"};
            }
            case "PIJN" -> {
                String scale = SCALES[random.nextInt(SCALES.length)];
                String value = switch (scale) {
                    case "VAS100" -> decimal(random.nextInt(1000) / 10.0);
                    case "VAS10" -> decimal(random.nextInt(100) / 10.0);
                    case "COMFORT" -> String.valueOf(6 + random.nextInt(30));
                    default -> String.valueOf(random.nextInt(11));
                };
                if (bad) value = "11";
                yield new String[] {"M" + i, patient, "A" + random.nextInt(1_000_000), time(at), scale, value,
                        random.nextInt(4) == 0 ? bool(true) : ""};
            }
            case "ADMISSION" -> new String[] {"O" + i, patient, time(at), bad ? time(at.minusHours(1)) : time(at.plusHours(20 + random.nextInt(200)))};
            case "KWETSBAAR" -> {
                LocalDateTime out = at.plusMinutes(600 + random.nextInt(10_000));
                boolean discharged = random.nextInt(10) != 0;
                yield new String[] {"K" + i, patient, String.valueOf(bad ? 130 : 60 + random.nextInt(40)), "", time(at),
                        discharged ? time(out) : "", discharged ? DESTINATIONS[random.nextInt(DESTINATIONS.length)] : "",
                        maybe(at.plusMinutes(random.nextInt(2000))), maybe(at.plusMinutes(random.nextInt(2000))),
                        maybe(at.minusMinutes(random.nextInt(2000))), maybe(at.plusMinutes(random.nextInt(2000))),
                        discharged ? maybe(out.plusMinutes(random.nextInt(3000))) : "",
                        discharged ? maybe(out.minusMinutes(60).plusMinutes(random.nextInt(3000))) : ""};
            }
            case "ANTISTOLLING" -> {
                String anticoagulant = bad ? "X01" : ANTICOAGULANTS[random.nextInt(ANTICOAGULANTS.length)];
                yield new String[] {"A" + i, patient, time(at), anticoagulant, random.nextInt(6) == 0 ? "spoed" : "electief",
                        RISKS[random.nextInt(RISKS.length)], PLANS[random.nextInt(PLANS.length)],
                        maybe(at.minusMinutes(random.nextInt(4000))), maybe(at.minusMinutes(random.nextInt(3000))),
                        random.nextInt(3) == 0 ? "" : bool(random.nextInt(20) == 0)};
            }
            case "DIAGNOSTIEK" -> new String[] {"D" + i, patient, time(at), DISCIPLINES[random.nextInt(DISCIPLINES.length)],
                    random.nextInt(5) == 0 ? "spoed" : "regulier", bad ? "misschien" : bool(random.nextInt(30) == 0),
                    maybe(at.plusMinutes(random.nextInt(20_000))), random.nextInt(30) == 0 ? time(at.plusMinutes(random.nextInt(120))) : ""};
            default -> throw new IllegalArgumentException("no generated export of " + type);
        };
    }

    /** A date-time in four of five rows, else empty. */
    private String maybe(LocalDateTime t) {
        return random.nextInt(5) == 0 ? "" : time(t);
    }

    private String time(LocalDateTime t) {
        if (dialect.excel) {
            return t.getDayOfMonth() + "-" + t.getMonthValue() + "-" + t.getYear() + " " + t.getHour() + ":"
                    + (t.getMinute() < 10 ? "0" : "") + t.getMinute();
        }
        return String.format("%04d-%02d-%02d %02d:%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(),
                t.getMinute());
    }

    private String decimal(double v) {
        String s = String.format(java.util.Locale.ROOT, "%.1f", v);
        return dialect.excel ? s.replace('.', ',') : s;
    }

    private String bool(boolean b) {
        return dialect.excel ? (b ? "ja" : "nee") : (b ? "true" : "false");
    }

    public static void main(String[] args) throws IOException {
        write(RecordType.valueOf(args[0]), Dialect.valueOf(args[1]), Long.parseLong(args[2]), Long.parseLong(args[3]),
                Path.of(args[4]));
    }
}
