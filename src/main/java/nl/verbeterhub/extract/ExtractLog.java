package nl.verbeterhub.extract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.theme.Theme;

/**
 * Every committed extract, by connector and SHA-256: the memory of what was delivered. Rebuilt from the
 * extracts topic at start-up; small (one entry per extract, never per record).
 */
public final class ExtractLog {

    private final Map<String, Map<String, ExtractCommit>> byConnector = new ConcurrentHashMap<>();
    private final Map<String, OpenExtract> open = new ConcurrentHashMap<>();

    /**
     * An extract whose first part is durable but whose commit marker is not (yet): its hospital's
     * drafts of these themes are not regenerated until it finishes, so that no half extract is ever
     * published.
     */
    public record OpenExtract(String agb, String connector, String sha256, String name, Set<Theme> themes,
                              Instant begunAt) {
    }

    /** Ignored when that extract's commit marker is already known (the topics are read in any order). */
    public void begun(OpenExtract extract) {
        if (!committed(extract.connector(), extract.sha256())) {
            open.put(extract.connector(), extract);
        }
    }

    public void finished(String connector) {
        open.remove(connector);
    }

    /** Whether an extract feeding this theme of this hospital is half-way. */
    public boolean inProgress(String agb, Theme theme) {
        return open.values().stream().anyMatch(e -> e.agb().equals(agb) && e.themes().contains(theme));
    }

    public Optional<OpenExtract> openExtract(String connector) {
        return Optional.ofNullable(open.get(connector));
    }

    public void add(ExtractCommit commit) {
        byConnector.computeIfAbsent(commit.connector(), c -> new ConcurrentHashMap<>())
                .putIfAbsent(commit.sha256(), commit);
        open.computeIfPresent(commit.connector(), (c, e) -> e.sha256().equals(commit.sha256()) ? null : e);
    }

    /** Whether this connector already committed an extract with these bytes: a re-delivery. */
    public boolean committed(String connector, String sha256) {
        Map<String, ExtractCommit> commits = byConnector.get(connector);
        return commits != null && commits.containsKey(sha256);
    }

    /** A contributing connector's history: how many distinct extracts, and its latest commit. */
    public record ConnectorHistory(String connector, int extracts, ExtractCommit latest) {
    }

    /**
     * The connectors that delivered records (accepted or rejected) of a type feeding the theme for
     * this hospital, in connector order.
     */
    public List<ConnectorHistory> contributing(String agb, Theme theme) {
        Map<String, ConnectorHistory> found = new TreeMap<>();
        byConnector.forEach((connector, commits) -> {
            if (contributes(commits, agb, theme)) {
                found.put(connector, new ConnectorHistory(connector, commits.size(), latest(commits)));
            }
        });
        return new ArrayList<>(found.values());
    }

    /**
     * The themes whose drafts of this hospital list this connector among their sources. Its latest extract
     * is part of each of those drafts (decision 19), so a new extract changes all of them, also when it
     * holds no record of their theme.
     */
    public Set<Theme> themesContributedBy(String agb, String connector) {
        Set<Theme> themes = new TreeSet<>();
        Map<String, ExtractCommit> commits = byConnector.getOrDefault(connector, Map.of());
        for (Theme theme : Theme.values()) {
            if (contributes(commits, agb, theme)) themes.add(theme);
        }
        return themes;
    }

    /** Whether these commits of one connector hold a record (accepted or rejected) feeding the theme. */
    private static boolean contributes(Map<String, ExtractCommit> commits, String agb, Theme theme) {
        return commits.values().stream().anyMatch(c -> c.agb().equals(agb)
                && theme.feedingTypes().stream().anyMatch(c::delivered));
    }

    /** Whether any connector of this hospital ever delivered a record of this type. */
    public boolean delivered(String agb, RecordType type) {
        return byConnector.values().stream().flatMap(m -> m.values().stream())
                .anyMatch(c -> c.agb().equals(agb) && c.delivered(type));
    }

    /** The themes an already committed extract fed; none when unknown. */
    public Set<Theme> themesOf(String connector, String sha256) {
        Set<Theme> themes = new TreeSet<>();
        Map<String, ExtractCommit> commits = byConnector.get(connector);
        ExtractCommit commit = commits == null ? null : commits.get(sha256);
        if (commit != null) commit.counts().keySet().forEach(type -> themes.add(Theme.of(type)));
        return themes;
    }

    /** A connector's committed extracts, the latest first; at most {@code limit}. */
    public List<ExtractCommit> recent(String connector, int limit) {
        return byConnector.getOrDefault(connector, Map.of()).values().stream()
                .sorted(Comparator.comparing(ExtractCommit::committedAt).thenComparing(ExtractCommit::sha256).reversed())
                .limit(limit).toList();
    }

    /** One committed extract of a connector, by its SHA-256. */
    public Optional<ExtractCommit> commit(String connector, String sha256) {
        return Optional.ofNullable(byConnector.getOrDefault(connector, Map.of()).get(sha256));
    }

    private static ExtractCommit latest(Map<String, ExtractCommit> commits) {
        return commits.values().stream()
                .max(Comparator.comparing(ExtractCommit::committedAt).thenComparing(ExtractCommit::sha256))
                .orElseThrow();
    }
}
