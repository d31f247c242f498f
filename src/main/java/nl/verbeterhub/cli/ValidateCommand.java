package nl.verbeterhub.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.verbeterhub.config.HubProperties;
import nl.verbeterhub.config.StandaloneConfig;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.connector.ConnectorLoader;
import nl.verbeterhub.connector.SourceSettings;
import nl.verbeterhub.csv.CsvExtractReader;
import nl.verbeterhub.csv.CsvRecordSource;
import nl.verbeterhub.draft.Draft;
import nl.verbeterhub.draft.DraftBuilder;
import nl.verbeterhub.json.HubJson;
import nl.verbeterhub.extract.ExtractCommit;
import nl.verbeterhub.extract.ExtractIngest;
import nl.verbeterhub.extract.ExtractLog;
import nl.verbeterhub.extract.ExtractSource;
import nl.verbeterhub.extract.RecordSource;
import nl.verbeterhub.extract.Rejection;
import nl.verbeterhub.extract.Sha256;
import nl.verbeterhub.extract.StoreSink;
import nl.verbeterhub.extract.UnusableFileException;
import nl.verbeterhub.fhir.FhirExtract;
import nl.verbeterhub.fhir.FhirMapping;
import nl.verbeterhub.fhir.FhirReading;
import nl.verbeterhub.pseudonym.PseudonymSecret;
import nl.verbeterhub.state.RecordStore;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.ThemeSettings;
import nl.verbeterhub.theme.ThemeSettingsException;
import nl.verbeterhub.theme.Themes;
import nl.verbeterhub.theme.pijn.PainScales;
import org.springframework.util.FileSystemUtils;

/**
 * {@code validate --agb 06019999 [--name N] [--year 2025] [--connector ID] [--charset NAME] [--themes LIST] FILE...}: reads
 * extracts with exactly the code of the routes (parse, check, pseudonymise, aggregate) into a temporary
 * store, prints the drafts as a JSON array on stdout and a readable summary on stderr. Each CSV file is an
 * extract of its own ({@code --charset} over the connector's character set); every FHIR file or folder
 * given ({@code .ndjson}, Bundle {@code .json}, a bulk export's folder) together is one extract, as a bulk
 * export is (domain.md §4). Starts no broker, route or web server; writes nothing outside a temporary
 * folder that it removes. Exit 0 when every file was read (rejections included), 2 for unusable input or
 * wrong arguments.
 */
public final class ValidateCommand {

    public static final int OK = 0;
    public static final int UNUSABLE = 2;
    private static final int SHOWN_REJECTIONS = 20;

    private final HubProperties properties;
    private final Function<PainScales, ThemeSettings> themeSettings;
    private final Clock clock;
    private final PrintStream out;
    private final PrintStream err;

    /** With every theme's settings ({@code hub.themes.*}) from the same files {@link StandaloneConfig} reads. */
    public ValidateCommand(HubProperties properties, Clock clock, PrintStream out, PrintStream err) {
        this(properties, StandaloneConfig::themeSettings, clock, out, err);
    }

    /** @param themeSettings every theme's settings with the given pain scales, from where {@code properties} came from */
    public ValidateCommand(HubProperties properties, Function<PainScales, ThemeSettings> themeSettings, Clock clock,
                           PrintStream out, PrintStream err) {
        this.properties = properties;
        this.themeSettings = themeSettings;
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    public int run(List<String> args) throws IOException {
        Arguments a;
        Optional<ConnectorConfig> connector;
        try {
            a = Arguments.parse(args);
            connector = connector(a);
        } catch (IllegalArgumentException e) {
            err.println("validate: " + e.getMessage());
            err.println(Help.VALIDATE_USAGE);
            return UNUSABLE;
        }
        Path tmp = Files.createTempDirectory("verbeterhub-validate-");
        try {
            return validate(a, connector, tmp);
        } finally {
            FileSystemUtils.deleteRecursively(tmp);
        }
    }

    private int validate(Arguments a, Optional<ConnectorConfig> connector, Path tmp) throws IOException {
        PainScales scales = properties.pain().toScales();
        ThemeSettings themes;
        try {
            themes = themeSettings.apply(scales);
        } catch (ThemeSettingsException e) {
            err.println("validate: " + e.getMessage());
            return UNUSABLE;
        }
        ExtractLog log = new ExtractLog();
        boolean unusable = false;
        try (RecordStore store = RecordStore.open(tmp.resolve("state"), 8L << 20)) {
            PseudonymSecret secret = System.getenv(PseudonymSecret.ENV) == null
                    ? PseudonymSecret.throwAway() : PseudonymSecret.of(System.getenv(PseudonymSecret.ENV));
            ExtractIngest ingest = new ExtractIngest(store, secret, properties.pseudonym().cacheSize(), Themes.parsers(themes), clock);
            FhirReading fhir = new FhirReading(new FhirMapping(scales, properties.fhir().toVbiScores(), themes), secret,
                    properties.fhir().maxResourceBytes(), tmp.resolve("fhir"));
            List<Path> fhirFiles = a.files().stream().filter(ValidateCommand::isFhir).toList();
            Set<String> connectors = new HashSet<>();
            for (Path file : a.files()) {
                if (!isFhir(file)) {
                    String name = uniqueName(file.getFileName().toString(), connectors);
                    unusable |= !read(file.toString(), () -> csv(file, name, a, connector), ingest, store, log);
                } else if (file == fhirFiles.get(0)) {
                    SourceSettings.Fhir connectorSettings = connector.filter(ConnectorConfig::readsFhir)
                            .map(ConnectorConfig::fhir).orElse(SourceSettings.Fhir.DEFAULTS);
                    SourceSettings.Fhir settings = a.themes() == null ? connectorSettings
                            : connectorSettings.withThemes(a.themes());
                    String name = uniqueName("fhir", connectors);
                    String label = "FHIR " + fhirFiles.stream().map(f -> String.valueOf(f.getFileName()))
                            .collect(Collectors.joining(" + "));
                    unusable |= !read(label, () -> fhir(fhirFiles, name, a.agb(), fhir, settings), ingest, store, log);
                }
            }
            DraftBuilder builder = new DraftBuilder(store, log, Themes.calculators(themes),
                    properties.draft().minimumGroupSize(), hospitalNames(a));
            ArrayNode drafts = HubJson.MAPPER.createArrayNode();
            for (Theme theme : Theme.values()) {
                for (Draft draft : builder.build(a.agb(), theme, clock.instant())) {
                    if (a.year() == null || a.year() == draft.year()) drafts.add(draft.value());
                }
            }
            out.println(HubJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(drafts));
        }
        return unusable ? UNUSABLE : OK;
    }

    /** An extract to read, as its source and the source's own description of it. */
    private record Extract(ExtractSource source, RecordSource records) {
    }

    @FunctionalInterface
    private interface ExtractOpener {
        Extract open() throws UnusableFileException, IOException;
    }

    /** Reads one extract of its own connector; false when it is unusable. */
    private boolean read(String label, ExtractOpener opener, ExtractIngest ingest, RecordStore store, ExtractLog log)
            throws IOException {
        List<Rejection> shown = new ArrayList<>();
        try {
            Extract extract = opener.open();
            ExtractCommit commit;
            try (StoreSink sink = new StoreSink(store, r -> {
                if (shown.size() < SHOWN_REJECTIONS) shown.add(r);
            }); RecordSource records = extract.records()) {
                commit = ingest.ingest(extract.source(), records, sink);
            }
            log.add(commit);
            Summary.print(err, label, commit, shown);
            return true;
        } catch (UnusableFileException e) {
            err.println(label + ": unusable — " + e.getMessage());
            return false;
        } catch (IOException | RuntimeException e) {
            // As the server records it (INTERNAL_ERROR): the class only, since a message may quote the input.
            err.println(label + ": unusable — INTERNAL_ERROR: " + e.getClass().getSimpleName());
            return false;
        }
    }

    /** A CSV file with the connector's settings, its charset replaced by {@code --charset}. */
    private Extract csv(Path file, String connector, Arguments a, Optional<ConnectorConfig> configured)
            throws UnusableFileException, IOException {
        if (!Files.isRegularFile(file)) {
            throw new UnusableFileException(UnusableFileException.Reason.NOT_FOUND, "no such file");
        }
        CsvExtractReader.Options csv = configured.filter(c -> !c.readsFhir())
                .map(c -> c.csv().options(properties.csv().maxLineBytes()))
                .orElse(new CsvExtractReader.Options(StandardCharsets.UTF_8, properties.csv().maxLineBytes(), Map.of(),
                        Optional.empty()));
        if (a.charset() != null) {
            csv = new CsvExtractReader.Options(a.charset(), csv.maxLineBytes(), csv.columnNames(), csv.fixedType());
        }
        String name = file.getFileName().toString();
        ExtractSource source = new ExtractSource(a.agb(), connector, name, Sha256.of(file), clock.instant(), false, Set.of());
        return new Extract(source, new CsvRecordSource(file, name, csv));
    }

    private Extract fhir(List<Path> files, String connector, String agb, FhirReading fhir, SourceSettings.Fhir settings)
            throws UnusableFileException, IOException {
        FhirExtract extract = FhirExtract.given(files);
        ExtractSource source = new ExtractSource(agb, connector, extract.name(), extract.sha256(), clock.instant(), false,
                Set.of());
        return new Extract(source, fhir.source(extract, agb, settings));
    }

    /** A folder (a bulk export), an NDJSON file or a {@code .json} Bundle. */
    private static boolean isFhir(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isDirectory(file) || name.endsWith(".ndjson") || name.endsWith(".json");
    }

    private static String uniqueName(String name, Set<String> taken) {
        String candidate = name;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = name + "#" + n;
        }
        return candidate;
    }

    /** {@code --connector ID}: read the files with that connector's settings (charset, columns, identifier systems). */
    private Optional<ConnectorConfig> connector(Arguments a) throws IOException {
        if (a.connector() == null) return Optional.empty();
        ConnectorConfig c = connectors().stream().filter(x -> x.id().equals(a.connector())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no connector " + a.connector() + " in "
                        + properties.connectorsDir()));
        if (!c.agb().equals(a.agb())) throw new IllegalArgumentException("connector " + c.id() + " is of AGB " + c.agb());
        return Optional.of(c);
    }

    private List<ConnectorConfig> connectors() throws IOException {
        return ConnectorLoader.load(properties.connectorsDir(), properties.inbox().pollDelay());
    }

    /** The hospital's name: --name, else the connectors folder's entry for the AGB, else the AGB. */
    private Function<String, String> hospitalNames(Arguments a) {
        if (a.name() != null) return agb -> a.name();
        try {
            for (ConnectorConfig c : connectors()) {
                if (c.agb().equals(a.agb())) return agb -> c.hospitalName();
            }
        } catch (RuntimeException | IOException e) {
            err.println("note: connectors folder not readable (" + e.getMessage() + "); using the AGB as name");
        }
        return agb -> agb;
    }
}
