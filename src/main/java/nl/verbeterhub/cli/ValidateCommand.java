package nl.verbeterhub.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import nl.verbeterhub.config.HubProperties;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.connector.ConnectorLoader;
import nl.verbeterhub.csv.CsvExtractReader;
import nl.verbeterhub.csv.CsvRecordSource;
import nl.verbeterhub.draft.Draft;
import nl.verbeterhub.draft.DraftBuilder;
import nl.verbeterhub.draft.DraftJson;
import nl.verbeterhub.extract.ExtractCommit;
import nl.verbeterhub.extract.ExtractIngest;
import nl.verbeterhub.extract.ExtractLog;
import nl.verbeterhub.extract.ExtractSource;
import nl.verbeterhub.extract.Rejection;
import nl.verbeterhub.extract.Sha256;
import nl.verbeterhub.extract.StoreSink;
import nl.verbeterhub.extract.UnusableFileException;
import nl.verbeterhub.pseudonym.PseudonymSecret;
import nl.verbeterhub.state.RecordStore;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.Themes;
import nl.verbeterhub.theme.pijn.PainScales;
import org.springframework.util.FileSystemUtils;

/**
 * {@code validate --agb 06019999 [--name N] [--year 2025] FILE...}: reads extracts with exactly the code
 * of the routes (parse, check, pseudonymise, aggregate) into a temporary store, prints the drafts as a
 * JSON array on stdout and a readable summary on stderr. Starts no broker, route or web server; writes
 * nothing outside a temporary folder that it removes. Exit 0 when every file was read (rejections
 * included), 2 for unusable input or wrong arguments.
 */
public final class ValidateCommand {

    public static final int OK = 0;
    public static final int UNUSABLE = 2;
    private static final int SHOWN_REJECTIONS = 20;

    private final HubProperties properties;
    private final Clock clock;
    private final PrintStream out;
    private final PrintStream err;

    public ValidateCommand(HubProperties properties, Clock clock, PrintStream out, PrintStream err) {
        this.properties = properties;
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    public int run(List<String> args) throws IOException {
        Arguments a;
        try {
            a = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("validate: " + e.getMessage());
            err.println("usage: validate --agb 06019999 [--name \"Ziekenhuis\"] [--year 2025] FILE...");
            return UNUSABLE;
        }
        Path tmp = Files.createTempDirectory("verbeterhub-validate-");
        try {
            return validate(a, tmp);
        } finally {
            FileSystemUtils.deleteRecursively(tmp);
        }
    }

    private int validate(Arguments a, Path tmp) throws IOException {
        PainScales scales = properties.pain().toScales();
        ExtractLog log = new ExtractLog();
        boolean unusable = false;
        try (RecordStore store = RecordStore.open(tmp.resolve("state"), 8L << 20)) {
            PseudonymSecret secret = System.getenv(PseudonymSecret.ENV) == null
                    ? PseudonymSecret.throwAway() : PseudonymSecret.of(System.getenv(PseudonymSecret.ENV));
            ExtractIngest ingest = new ExtractIngest(store, secret, properties.pseudonym().cacheSize(), Themes.parsers(scales), clock);
            Set<String> connectors = new HashSet<>();
            for (Path file : a.files()) {
                String connector = uniqueName(file.getFileName().toString(), connectors);
                unusable |= !validateFile(file, connector, a.agb(), ingest, store, log);
            }
            DraftBuilder builder = new DraftBuilder(store, log, Themes.calculators(scales),
                    properties.draft().minimumGroupSize(), hospitalNames(a));
            ArrayNode drafts = DraftJson.MAPPER.createArrayNode();
            for (Theme theme : Theme.values()) {
                for (Draft draft : builder.build(a.agb(), theme, clock.instant())) {
                    if (a.year() == null || a.year() == draft.year()) drafts.add(draft.value());
                }
            }
            out.println(DraftJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(drafts));
        }
        return unusable ? UNUSABLE : OK;
    }

    /** Reads one file as one extract of its own connector; false when it is unusable. */
    private boolean validateFile(Path file, String connector, String agb, ExtractIngest ingest, RecordStore store,
                                 ExtractLog log) throws IOException {
        CsvExtractReader.Options csv = new CsvExtractReader.Options(java.nio.charset.StandardCharsets.UTF_8,
                properties.csv().maxLineBytes(), java.util.Map.of(), java.util.Optional.empty());
        List<Rejection> shown = new ArrayList<>();
        try {
            if (!Files.isRegularFile(file)) {
                throw new UnusableFileException(UnusableFileException.Reason.NOT_FOUND, "no such file");
            }
            String name = file.getFileName().toString();
            ExtractSource source = new ExtractSource(agb, connector, name, Sha256.of(file), clock.instant(), false, Set.of());
            ExtractCommit commit;
            try (StoreSink sink = new StoreSink(store, r -> {
                if (shown.size() < SHOWN_REJECTIONS) shown.add(r);
            }); CsvRecordSource records = new CsvRecordSource(file, name, csv)) {
                commit = ingest.ingest(source, records, sink);
            }
            log.add(commit);
            Summary.print(err, file, commit, shown);
            return true;
        } catch (UnusableFileException e) {
            err.println(file + ": unusable — " + e.getMessage());
            return false;
        }
    }

    private static String uniqueName(String name, Set<String> taken) {
        String candidate = name;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = name + "#" + n;
        }
        return candidate;
    }

    /** The hospital's name: --name, else the connectors folder's entry for the AGB, else the AGB. */
    private Function<String, String> hospitalNames(Arguments a) {
        if (a.name() != null) return agb -> a.name();
        try {
            for (ConnectorConfig c : ConnectorLoader.load(properties.connectorsDir(), properties.inbox().pollDelay())) {
                if (c.agb().equals(a.agb())) return agb -> c.hospitalName();
            }
        } catch (RuntimeException | IOException e) {
            err.println("note: connectors folder not readable (" + e.getMessage() + "); using the AGB as name");
        }
        return agb -> agb;
    }
}
