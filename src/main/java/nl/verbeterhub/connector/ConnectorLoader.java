package nl.verbeterhub.connector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.verbeterhub.record.Column;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.theme.Theme;
import org.springframework.boot.convert.DurationStyle;

/** Reads and checks every connector file, failing early with the file and setting named. */
public final class ConnectorLoader {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern AGB = Pattern.compile("\\d{8}");
    private static final Pattern TOKEN_HASH = Pattern.compile("sha256:[0-9a-fA-F]{64}");
    private static final Pattern SYSTEM = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:\\S+");
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ConnectorLoader() {
    }

    /** All connectors in the folder ({@code *.yaml}, {@code *.yml}); none when the folder does not exist. */
    public static List<ConnectorConfig> load(Path dir, Duration defaultPollDelay) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        }
        List<ConnectorConfig> connectors = new ArrayList<>();
        for (Path file : files) {
            connectors.add(read(file, defaultPollDelay));
        }
        checkTogether(connectors);
        return connectors;
    }

    static ConnectorConfig read(Path file, Duration defaultPollDelay) throws IOException {
        JsonNode tree;
        try {
            tree = YAML.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new ConnectorDefinitionException(file, "not a valid connector definition: " + e.getOriginalMessage());
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) throw new ConnectorDefinitionException(file, "empty file");
        require(file, tree.isObject(), "not a valid connector definition: settings must be a map");
        ConnectorType type = type(file, tree.get("type"));
        for (var names = tree.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            require(file, type.takes(name), "unknown setting '" + name + "' for type " + type.code());
        }
        ConnectorFile f;
        try {
            f = YAML.treeToValue(tree, ConnectorFile.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConnectorDefinitionException(file, "unknown setting '" + path(e) + "'");
        } catch (JsonProcessingException e) {
            throw new ConnectorDefinitionException(file, "not a valid connector definition: " + e.getOriginalMessage());
        }
        require(file, f.id() != null && ID.matcher(f.id()).matches(), "id must be lower-case letters, digits and dashes");
        require(file, f.hospital() != null && f.hospital().agb() != null && AGB.matcher(f.hospital().agb()).matches(),
                "hospital.agb must be 8 digits (quote it in YAML: \"06019999\")");
        require(file, f.hospital().name() != null && !f.hospital().name().isBlank(), "hospital.name is required");
        // A remote connector's inbox is where its pull delivers: a folder of its own unless one is named.
        String inbox = f.inbox() == null && type.remote() ? "data/inbox/" + f.id() : f.inbox();
        require(file, inbox != null && !inbox.isBlank(), "inbox is required");

        String mode = f.mode() == null ? "incremental" : f.mode();
        require(file, mode.equals("incremental") || mode.equals("snapshot"), "mode must be incremental or snapshot");
        boolean snapshot = mode.equals("snapshot");
        Set<Integer> years = new TreeSet<>(f.snapshotYears() == null ? List.of() : f.snapshotYears());
        require(file, snapshot || years.isEmpty(), "snapshotYears applies to mode snapshot only");
        Duration pollDelay;
        try {
            pollDelay = f.pollDelay() == null ? defaultPollDelay : DurationStyle.detectAndParse(f.pollDelay());
        } catch (IllegalArgumentException e) {
            throw new ConnectorDefinitionException(file, "pollDelay is not a duration (e.g. 500ms, 10s, PT1M)");
        }
        require(file, !pollDelay.isNegative() && !pollDelay.isZero(), "pollDelay must be positive");

        SourceSettings settings = switch (type) {
            case CSV_INBOX -> csvSettings(file, f);
            case FHIR_INBOX -> fhirSettings(file, f);
            case FHIR_SERVER -> {
                // The further themes join resources that change at different times: only a full read has them all (decision 98).
                require(file, f.themes() == null || snapshot, "themes on a fhir-server connector need mode: snapshot "
                        + "(every run a full read: a record's resources must be in the same run)");
                yield RemoteSettingsLoader.fhirServer(file, f, fhirSettings(file, f));
            }
            case FHIR_BULK_EXPORT -> RemoteSettingsLoader.bulkExport(file, f, fhirSettings(file, f));
            case SFTP_INBOX -> RemoteSettingsLoader.sftp(file, f, sftpFormat(file, f));
        };
        return new ConnectorConfig(f.id(), f.hospital().agb(), f.hospital().name().trim(), type, Path.of(inbox),
                snapshot, years, pollDelay, settings, file, expectation(file, f.expect()), uploadTokens(file, f.uploadTokens()));
    }

    private static Optional<Expectation> expectation(Path file, ConnectorFile.Expect expect) {
        if (expect == null) return Optional.empty();
        require(file, expect.every() != null && expect.by() != null, "expect needs every (e.g. P1D) and by (e.g. \"06:00\")");
        try {
            return Optional.of(new Expectation(Duration.parse(expect.every()), LocalTime.parse(expect.by())));
        } catch (DateTimeParseException e) {
            throw new ConnectorDefinitionException(file, "expect.every must be an ISO duration (P1D, PT6H) and expect.by a time (06:00)");
        } catch (IllegalArgumentException e) {
            throw new ConnectorDefinitionException(file, "expect." + e.getMessage());
        }
    }

    /** Tokens are never in a connector file, only their SHA-256: {@code sha256:} and 64 hex digits. */
    private static List<String> uploadTokens(Path file, List<String> tokens) {
        if (tokens == null) return List.of();
        List<String> hashes = new ArrayList<>();
        for (String token : tokens) {
            require(file, token != null && TOKEN_HASH.matcher(token).matches(),
                    "uploadTokens holds sha256:<64 hex digits> of each token, never a token itself");
            hashes.add(token.substring("sha256:".length()).toLowerCase(Locale.ROOT));
        }
        return List.copyOf(hashes);
    }

    /** {@code csv-inbox} when the file names none: the only type there was before types existed. */
    private static ConnectorType type(Path file, JsonNode type) {
        if (type == null || type.isNull()) return ConnectorType.CSV_INBOX;
        return ConnectorType.ofCode(type.asText()).orElseThrow(() -> new ConnectorDefinitionException(file,
                "type must be one of " + String.join(", ", ConnectorType.codes())));
    }

    private static String path(UnrecognizedPropertyException e) {
        StringBuilder b = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() == null) continue;
            if (!b.isEmpty()) b.append('.');
            b.append(ref.getFieldName());
        }
        return b.isEmpty() ? e.getPropertyName() : b.toString();
    }

    private static SourceSettings.Csv csvSettings(Path file, ConnectorFile f) {
        Optional<RecordType> recordType = Optional.empty();
        if (f.recordType() != null && !f.recordType().equalsIgnoreCase("auto")) {
            recordType = RecordType.ofCode(f.recordType());
            require(file, recordType.isPresent(), "recordType must be "
                    + RecordType.records().stream().map(RecordType::name).collect(java.util.stream.Collectors.joining(", "))
                    + " or auto");
        }
        Charset charset;
        try {
            charset = f.charset() == null ? StandardCharsets.UTF_8 : Charset.forName(f.charset());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ConnectorDefinitionException(file, "unknown charset " + f.charset());
        }
        // The line limit and the NUL check read bytes: the charset must keep ASCII as ASCII.
        require(file, "a".equals(new String("a".getBytes(charset), StandardCharsets.US_ASCII))
                && !charset.name().startsWith("UTF-16") && !charset.name().startsWith("UTF-32"),
                "charset " + charset.name() + " is not ASCII-compatible; convert such exports to UTF-8");
        Map<String, String> columns = f.columns() == null ? Map.of() : Map.copyOf(f.columns());
        for (String canonical : columns.keySet()) {
            boolean known = RecordType.records().stream()
                    .flatMap(t -> t.columns().stream()).map(Column::name).anyMatch(canonical::equals);
            require(file, known, "columns maps unknown column '" + canonical + "'");
        }
        return new SourceSettings.Csv(recordType, charset, columns);
    }

    /** What an SFTP connector picks up: {@code format: csv} (the default) or {@code fhir}, with that format's settings. */
    private static SourceSettings sftpFormat(Path file, ConnectorFile f) {
        String format = f.format() == null ? "csv" : f.format();
        require(file, format.equals("csv") || format.equals("fhir"), "format must be csv or fhir");
        if (format.equals("csv")) {
            require(file, f.patientIdentifierSystem() == null && f.recordIdentifierSystem() == null && f.themes() == null,
                    "patientIdentifierSystem, recordIdentifierSystem and themes apply to format fhir only");
            return csvSettings(file, f);
        }
        require(file, f.recordType() == null && f.charset() == null && f.columns() == null,
                "recordType, charset and columns apply to format csv only");
        return fhirSettings(file, f);
    }

    private static SourceSettings.Fhir fhirSettings(Path file, ConnectorFile f) {
        return new SourceSettings.Fhir(system(file, "patientIdentifierSystem", f.patientIdentifierSystem()),
                system(file, "recordIdentifierSystem", f.recordIdentifierSystem()), themes(file, f.themes()));
    }

    /** {@code themes}: further themes this FHIR connector reads too, by name, case-insensitively (themes.md §0.6). */
    private static Set<Theme> themes(Path file, List<String> listed) {
        if (listed == null) return Set.of();
        Set<Theme> themes = new TreeSet<>();
        for (String name : listed) {
            Theme theme = SourceSettings.Fhir.listable(name).orElse(null);
            require(file, theme != null, "themes lists '" + name + "'; a FHIR connector may list "
                    + SourceSettings.Fhir.LISTABLE_NAMES + " (VBI, NUCHTER and PIJN are always read)");
            require(file, themes.add(theme), "themes lists " + theme + " twice");
        }
        return themes;
    }

    /** An identifier system is a URI: {@code http://fhir.nl/fhir/NamingSystem/bsn}, {@code urn:oid:…}. */
    private static Optional<String> system(Path file, String setting, String value) {
        if (value == null) return Optional.empty();
        require(file, SYSTEM.matcher(value).matches(), setting + " must be a URI (e.g. http://fhir.nl/fhir/NamingSystem/bsn)");
        return Optional.of(value);
    }

    private static void checkTogether(List<ConnectorConfig> connectors) {
        Map<String, ConnectorConfig> ids = new HashMap<>();
        Map<Path, ConnectorConfig> inboxes = new HashMap<>();
        Map<String, ConnectorConfig> names = new HashMap<>();
        for (ConnectorConfig c : connectors) {
            ConnectorConfig other = ids.putIfAbsent(c.id(), c);
            require(c.definedIn(), other == null, "id " + c.id() + " is also used by " + (other == null ? "" : other.definedIn()));
            other = inboxes.putIfAbsent(c.inbox().toAbsolutePath().normalize(), c);
            require(c.definedIn(), other == null, "inbox is also read by " + (other == null ? "" : other.definedIn()));
            other = names.putIfAbsent(c.agb(), c);
            require(c.definedIn(), other == null || other.hospitalName().equals(c.hospitalName()),
                    "hospital.name differs from " + (other == null ? "" : other.definedIn()) + " for the same AGB");
        }
    }

    private static void require(Path file, boolean ok, String problem) {
        if (!ok) throw new ConnectorDefinitionException(file, problem);
    }
}
