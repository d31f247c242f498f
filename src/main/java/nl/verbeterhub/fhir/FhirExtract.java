package nl.verbeterhub.fhir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
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
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One file of the extract, by the name its positions give. */
    public record File(Path path, String name, boolean ndjson) {
    }

    private final String name;
    private final List<File> files;
    private final Instant transactionTime;

    private FhirExtract(String name, List<File> files, Instant transactionTime) {
        this.name = name;
        this.files = List.copyOf(files);
        this.transactionTime = transactionTime;
    }

    /** What was dropped in a FHIR inbox: a bulk export's folder, a Bundle or a lone NDJSON file. */
    public static FhirExtract delivered(Path delivered) throws UnusableFileException, IOException {
        String name = delivered.getFileName().toString();
        if (!Files.exists(delivered)) throw new UnusableFileException(Reason.NOT_FOUND, name + " does not exist");
        if (Files.isDirectory(delivered)) return folder(delivered, name);
        if (!Files.isRegularFile(delivered) || kind(name) == null) {
            throw new UnusableFileException(Reason.UNSUPPORTED_FILE,
                    name + " is no bulk export folder, Bundle (.json) or NDJSON file (.ndjson)");
        }
        return new FhirExtract(name, List.of(new File(delivered, name, kind(name))), null);
    }

    /** The FHIR files and folders given to {@code validate}: one extract, as a bulk export is. */
    public static FhirExtract given(List<Path> given) throws UnusableFileException, IOException {
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

    private static FhirExtract folder(Path dir, String name) throws UnusableFileException, IOException {
        Path manifest = dir.resolve(MANIFEST);
        if (Files.isRegularFile(manifest)) return manifested(dir, name, manifest);
        TreeMap<String, File> files = new TreeMap<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.sorted().toList()) {
                String file = p.getFileName().toString();
                if (ignored(file)) continue;
                Boolean ndjson = kind(file);
                if (!Files.isRegularFile(p) || ndjson == null) {
                    throw new UnusableFileException(Reason.UNSUPPORTED_FILE, name + "/" + file
                            + " is no NDJSON (.ndjson) or Bundle (.json) file");
                }
                files.put(file, new File(p, file, ndjson));
            }
        }
        if (files.isEmpty()) throw new UnusableFileException(Reason.EMPTY_EXPORT, name + " holds no .ndjson or .json file");
        return new FhirExtract(name, new ArrayList<>(files.values()), null);
    }

    /** Copies under way and hidden files are no part of an export (as in every inbox, docs/decisions.md 34). */
    private static boolean ignored(String file) {
        String lower = file.toLowerCase(Locale.ROOT);
        return file.startsWith(".") || file.startsWith("~$") || lower.endsWith(".tmp") || lower.endsWith(".part")
                || lower.endsWith(".partial") || lower.endsWith(".filepart");
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
            transactionTime = Instant.ofEpochSecond(t);
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
            if (!Files.isRegularFile(p)) {
                throw new UnusableFileException(Reason.BAD_MANIFEST, name + "/" + MANIFEST + " lists " + file
                        + ", which the folder does not hold");
            }
            Boolean ndjson = kind(file);
            files.put(file, new File(p, file, ndjson == null || ndjson));
        }
        return new FhirExtract(name, new ArrayList<>(files.values()), transactionTime);
    }

    public String name() {
        return name;
    }

    public List<File> files() {
        return files;
    }

    /** The manifest's {@code transactionTime}, or null without a manifest. */
    public Instant transactionTime() {
        return transactionTime;
    }

    /** SHA-256 of the files' hex SHA-256s, in name order (domain.md §6). */
    public String sha256() throws IOException {
        List<File> byName = new ArrayList<>(files);
        byName.sort((a, b) -> a.name.compareTo(b.name));
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (File f : byName) digest.update(Sha256.of(f.path).getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(digest.digest());
    }
}
