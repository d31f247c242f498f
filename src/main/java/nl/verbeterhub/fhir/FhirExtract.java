package nl.verbeterhub.fhir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import nl.verbeterhub.extract.Sha256;
import nl.verbeterhub.extract.UnusableFileException;
import nl.verbeterhub.extract.UnusableFileException.Reason;
import nl.verbeterhub.time.FhirDateTimes;

/**
 * The files of one FHIR extract (domain.md §6, "Extracts"): a bulk export's sub-folder — the files its
 * {@code $export} manifest lists, or else every {@code .ndjson} and Bundle {@code .json} in it — a single
 * Bundle, a lone NDJSON file, or (for {@code validate}) every FHIR file given. Its SHA-256 is that of its
 * files' SHA-256s in name order, so a renamed or re-delivered copy is recognised.
 */
public final class FhirExtract {

    public static final String MANIFEST = "manifest.json";
    /** Marks a folder as a FHIR server run (written by the hub's pull, hidden from every other reading). */
    public static final String RUN_MARKER = ".run.json";
    /** A run's resources, one per line in the order the server gave them. */
    public static final String RUN_FILE = "run.ndjson";
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One file of the extract, by the name its positions give. */
    public record File(Path path, String name, boolean ndjson) {
    }

    private final String name;
    private final List<File> files;
    private final Instant transactionTime;
    private final boolean run;

    private FhirExtract(String name, List<File> files, Instant transactionTime) {
        this(name, files, transactionTime, false);
    }

    private FhirExtract(String name, List<File> files, Instant transactionTime, boolean run) {
        this.name = name;
        this.files = List.copyOf(files);
        this.transactionTime = transactionTime;
        this.run = run;
    }

    /**
     * What was dropped in a FHIR inbox: a bulk export's folder, a Bundle or a lone NDJSON file. Links are
     * never followed: a symbolic link, or a folder holding one, could point at another hospital's files.
     */
    public static FhirExtract delivered(Path delivered) throws UnusableFileException, IOException {
        String name = delivered.getFileName().toString();
        if (!Files.exists(delivered, NOFOLLOW)) throw new UnusableFileException(Reason.NOT_FOUND, name + " does not exist");
        refuseLink(delivered, name);
        if (Files.isDirectory(delivered, NOFOLLOW)) return folder(delivered, name);
        if (!Files.isRegularFile(delivered, NOFOLLOW) || kind(name) == null) {
            throw new UnusableFileException(Reason.UNSUPPORTED_FILE,
                    name + " is no bulk export folder, Bundle (.json) or NDJSON file (.ndjson)");
        }
        return new FhirExtract(name, List.of(new File(delivered, name, kind(name))), null);
    }

    private static void refuseLink(Path path, String shown) throws UnusableFileException {
        if (Files.isSymbolicLink(path)) throw new UnusableFileException(Reason.UNSUPPORTED_FILE, shown + " is a symbolic link");
    }

    /** The FHIR files and folders given to {@code validate}: one extract, as a bulk export is. */
    public static FhirExtract given(List<Path> given) throws UnusableFileException, IOException {
        if (given.size() == 1) return delivered(given.get(0));
        List<File> files = new ArrayList<>();
        Instant transactionTime = null;
        Set<String> names = new HashSet<>();
        for (Path path : given) {
            FhirExtract one = delivered(path);
            if (transactionTime == null) transactionTime = one.transactionTime;
            for (File f : one.files) files.add(new File(f.path, unique(f.name, names), f.ndjson));
        }
        String extractName = given.size() == 1 ? given.get(0).getFileName().toString()
                : String.valueOf(given.get(0).toAbsolutePath().getParent().getFileName());
        return new FhirExtract(extractName, files, transactionTime);
    }

    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        for (int n = 2; !taken.add(candidate); n++) candidate = name + "#" + n;
        return candidate;
    }

    /** true for NDJSON, false for a Bundle, null for neither. */
    private static Boolean kind(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".ndjson")) return true;
        if (lower.endsWith(".json")) return false;
        return null;
    }

    /**
     * A folder holding a symbolic link, or a copy still under way (the inbox offers no such folder), is
     * unusable whatever it holds besides; then its manifest, else every {@code .ndjson} and {@code .json}.
     */
    private static FhirExtract folder(Path dir, String name) throws UnusableFileException, IOException {
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.sorted().toList();
        }
        for (Path p : entries) {
            String file = p.getFileName().toString();
            refuseLink(p, name + "/" + file);
            if (!ignored(file) && copyUnderWay(file)) {
                throw new UnusableFileException(Reason.UNSUPPORTED_FILE, name + "/" + file + " is a copy still under way");
            }
        }
        Path marker = dir.resolve(RUN_MARKER);
        if (Files.isRegularFile(marker, NOFOLLOW)) return run(dir, name, marker);
        Path manifest = dir.resolve(MANIFEST);
        if (Files.isRegularFile(manifest, NOFOLLOW)) return manifested(dir, name, manifest);
        TreeMap<String, File> files = new TreeMap<>();
        for (Path p : entries) {
            String file = p.getFileName().toString();
            if (ignored(file)) continue;
            Boolean ndjson = kind(file);
            if (!Files.isRegularFile(p, NOFOLLOW) || ndjson == null) {
                throw new UnusableFileException(Reason.UNSUPPORTED_FILE, name + "/" + file
                        + " is no NDJSON (.ndjson) or Bundle (.json) file");
            }
            files.put(file, new File(p, file, ndjson));
        }
        if (files.isEmpty()) throw new UnusableFileException(Reason.EMPTY_EXPORT, name + " holds no .ndjson or .json file");
        return new FhirExtract(name, new ArrayList<>(files.values()), null);
    }

    /** Hidden files and Excel's owner files are no part of an export (as in every inbox, docs/decisions.md 34). */
    private static boolean ignored(String file) {
        return file.startsWith(".") || file.startsWith("~$");
    }

    /** A copy still under way: {@code .tmp}, {@code .part}, {@code .partial}, {@code .filepart} (docs/decisions.md 34). */
    public static boolean copyUnderWay(String file) {
        String lower = file.toLowerCase(Locale.ROOT);
        return lower.endsWith(".tmp") || lower.endsWith(".part") || lower.endsWith(".partial") || lower.endsWith(".filepart");
    }

    /** Only the files the manifest lists (its output; error files are no records), by the last segment of their URL. */
    private static FhirExtract manifested(Path dir, String name, Path manifest) throws UnusableFileException, IOException {
        JsonNode m;
        try {
            m = JSON.readTree(manifest.toFile());
        } catch (JsonProcessingException e) {
            throw new UnusableFileException(Reason.BAD_MANIFEST, name + "/" + MANIFEST + " is no valid JSON");
        }
        if (m == null || !m.isObject() || !m.path("output").isArray()) {
            throw new UnusableFileException(Reason.BAD_MANIFEST, name + "/" + MANIFEST + " has no output list");
        }
        Instant transactionTime = null;
        if (m.hasNonNull("transactionTime")) {
            long t = FhirDateTimes.instant(m.get("transactionTime").asText());
            if (t == FhirDateTimes.UNPARSABLE) {
                throw new UnusableFileException(Reason.BAD_MANIFEST, name + "/" + MANIFEST + " has no valid transactionTime");
            }
            // Kept at its own precision (the next export's _since repeats it) where ISO's parser reads it;
            // an offset without a colon (+0100), valid FHIR too, falls back to the second (read again, never missed).
            try {
                transactionTime = OffsetDateTime.parse(m.get("transactionTime").asText()).toInstant();
            } catch (DateTimeParseException e) {
                transactionTime = Instant.ofEpochSecond(t);
            }
        }
        Set<String> listed = new LinkedHashSet<>();
        for (JsonNode output : m.get("output")) {
            String url = output.path("url").asText("");
            String file = url.replaceAll("[?#].*$", "");
            file = file.substring(file.lastIndexOf('/') + 1);
            if (file.isEmpty() || file.equals(".") || file.equals("..")) {
                throw new UnusableFileException(Reason.BAD_MANIFEST, name + "/" + MANIFEST + " lists an output without a file name");
            }
            listed.add(file);
        }
        TreeMap<String, File> files = new TreeMap<>();
        for (String file : listed) {
            Path p = dir.resolve(file);
            if (!Files.isRegularFile(p, NOFOLLOW)) {
                throw new UnusableFileException(Reason.BAD_MANIFEST, name + "/" + MANIFEST + " lists " + file
                        + ", which the folder does not hold");
            }
            Boolean ndjson = kind(file);
            files.put(file, new File(p, file, ndjson == null || ndjson));
        }
        return new FhirExtract(name, new ArrayList<>(files.values()), transactionTime);
    }

    /** A FHIR server run the pull wrote: its resources in {@link #RUN_FILE}, its start in {@link #RUN_MARKER}. */
    private static FhirExtract run(Path dir, String name, Path marker) throws UnusableFileException {
        Path file = dir.resolve(RUN_FILE);
        Instant startedAt = RunMarker.startedAt(marker);
        if (startedAt == null || !Files.isRegularFile(file, NOFOLLOW)) {
            throw new UnusableFileException(Reason.UNSUPPORTED_FILE, name + " is no complete FHIR server run");
        }
        return new FhirExtract(name, List.of(new File(file, name, true)), startedAt, true);
    }

    public String name() {
        return name;
    }

    /** Whether this is a FHIR server run (positions: run and index; no SHA-256 of its own). */
    public boolean run() {
        return run;
    }

    public List<File> files() {
        return files;
    }

    /** The manifest's {@code transactionTime}, or null without a manifest. */
    public Instant transactionTime() {
        return transactionTime;
    }

    /**
     * SHA-256 of the files' hex SHA-256s, in name order (domain.md §6). A run's identity is
     * {@link Sha256#RUN_PREFIX} and the hash of its resources and its start: a crashed run delivered again is
     * recognised, and two runs that fetched the same resources at different times are two extracts.
     */
    public String sha256() throws IOException {
        if (run) {
            Path dir = files.get(0).path.getParent();
            return Sha256.RUN_PREFIX + Sha256.ofText(Sha256.of(dir.resolve(RUN_MARKER)) + Sha256.of(files.get(0).path));
        }
        List<File> byName = new ArrayList<>(files);
        byName.sort((a, b) -> a.name.compareTo(b.name));
        StringBuilder hashes = new StringBuilder();
        for (File f : byName) hashes.append(Sha256.of(f.path));
        return Sha256.ofText(hashes.toString());
    }
}
