package nl.verbeterhub.theme.eigen;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import nl.verbeterhub.theme.eigen.OwnGoalIndicator.Direction;
import nl.verbeterhub.theme.eigen.OwnGoalIndicator.Scoring;

/**
 * Reads one {@code {agb}.yaml} and checks it against themes.md §4.1, failing on the first problem with the
 * file and the field named ({@code indicators[1].target}). Read as a tree so that every message can name
 * its field; unknown fields fail too, since a misspelt {@code indicator:} would otherwise go unnoticed.
 */
final class OwnGoalFile {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    static final int MAX_INDICATORS = 10;
    static final int MAX_MILESTONES = 30;
    static final int MAX_TITLE = 200;
    private static final List<String> TOP_FIELDS = List.of("goal", "indicators", "milestones");
    private static final List<String> GOAL_FIELDS = List.of("id", "title");
    private static final List<String> INDICATOR_FIELDS = List.of("id", "title", "scoring", "direction", "target");
    private static final List<String> MILESTONE_FIELDS = List.of("id", "title");

    // Decimals as written: a target of 0.90 is published as 0.90.
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();

    private final String file;

    private OwnGoalFile(String file) {
        this.file = file;
    }

    /** @param name how messages name the file ({@code goals/06019999.yaml}) */
    static OwnGoal read(Path path, String name) {
        JsonNode tree;
        try {
            tree = YAML.readTree(path.toFile());
        } catch (JsonProcessingException e) {
            throw new OwnGoalDefinitionException(name, "not valid YAML" + where(e.getLocation()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new OwnGoalDefinitionException(name, "cannot be read");
        }
        return new OwnGoalFile(name).goal(tree);
    }

    private static String where(JsonLocation at) {
        return at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ")";
    }

    private OwnGoal goal(JsonNode root) {
        if (absent(root)) throw fail("goal is required");
        map(root, "the definition", TOP_FIELDS, "");
        JsonNode goal = root.get("goal");
        if (absent(goal)) throw fail("goal is required");
        map(goal, "goal", GOAL_FIELDS, "goal.");
        String id = id(goal, "goal.");
        String title = title(goal, "goal.");

        List<OwnGoalIndicator> indicators = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        List<JsonNode> entries = list(root, "indicators", MAX_INDICATORS);
        for (int i = 0; i < entries.size(); i++) {
            String at = "indicators[" + i + "]";
            map(entries.get(i), at, INDICATOR_FIELDS, at + ".");
            indicators.add(indicator(entries.get(i), at + ".", seen));
        }
        List<OwnGoal.Milestone> milestones = new ArrayList<>();
        seen.clear();
        entries = list(root, "milestones", MAX_MILESTONES);
        for (int i = 0; i < entries.size(); i++) {
            String at = "milestones[" + i + "]";
            map(entries.get(i), at, MILESTONE_FIELDS, at + ".");
            milestones.add(new OwnGoal.Milestone(unique(entries.get(i), at + ".", seen), title(entries.get(i), at + ".")));
        }
        return new OwnGoal(id, title, indicators, milestones);
    }

    private OwnGoalIndicator indicator(JsonNode node, String at, Map<String, String> seen) {
        String id = unique(node, at, seen);
        String title = title(node, at);
        JsonNode scoringNode = node.get("scoring");
        if (absent(scoringNode)) throw fail(at + "scoring is required (proportion or count)");
        Scoring scoring = choice(scoringNode, Scoring.class, at + "scoring must be proportion or count");
        JsonNode directionNode = node.get("direction");
        Direction direction = absent(directionNode) ? Direction.HIGHER
                : choice(directionNode, Direction.class, at + "direction must be higher or lower");
        return new OwnGoalIndicator(id, title, scoring, direction, target(node.get("target"), scoring, at + "target"));
    }

    private BigDecimal target(JsonNode node, Scoring scoring, String field) {
        if (absent(node)) return null;
        if (!node.isNumber()) throw fail(field + " must be a number");
        BigDecimal target = node.decimalValue();
        if (scoring == Scoring.PROPORTION && (target.signum() < 0 || target.compareTo(BigDecimal.ONE) > 0)) {
            throw fail(field + " must be between 0 and 1 for a proportion");
        }
        if (scoring == Scoring.COUNT && target.signum() < 0) throw fail(field + " must be 0 or more for a count");
        return target;
    }

    /** An id that no earlier entry of the same list has, compared case-insensitively. */
    private String unique(JsonNode node, String at, Map<String, String> seen) {
        String id = id(node, at);
        String earlier = seen.putIfAbsent(OwnGoal.key(id), at + "id");
        if (earlier != null) throw fail(at + "id '" + id + "' repeats " + earlier + " (ids are case-insensitive)");
        return id;
    }

    private String id(JsonNode node, String at) {
        String id = text(node.get("id"), at + "id");
        if (!ID.matcher(id).matches()) throw fail(at + "id must be 1 to 40 letters, digits, '_' or '-'");
        return id;
    }

    private String title(JsonNode node, String at) {
        String title = text(node.get("title"), at + "title");
        int length = title.codePointCount(0, title.length());
        if (title.isBlank() || length > MAX_TITLE) throw fail(at + "title must be 1 to " + MAX_TITLE + " characters, not blank");
        return title;
    }

    private String text(JsonNode node, String field) {
        if (absent(node)) throw fail(field + " is required");
        // An unquoted 2024 or 0.5 is a number in YAML: insist on text so that nothing is rewritten silently.
        if (!node.isTextual()) throw fail(field + " must be text (quote it)");
        return node.textValue();
    }

    private <E extends Enum<E>> E choice(JsonNode node, Class<E> type, String problem) {
        if (node.isTextual()) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(node.textValue().trim().toUpperCase(Locale.ROOT))) return e;
            }
        }
        throw fail(problem);
    }

    private List<JsonNode> list(JsonNode root, String field, int max) {
        JsonNode node = root.get(field);
        if (absent(node)) return List.of();
        if (!node.isArray()) throw fail(field + " must be a list");
        if (node.size() > max) throw fail(field + " has " + node.size() + " entries, at most " + max + " are allowed");
        List<JsonNode> entries = new ArrayList<>();
        node.forEach(entries::add);
        return entries;
    }

    /** A map that holds only the given fields. */
    private void map(JsonNode node, String what, List<String> fields, String prefix) {
        if (!node.isObject()) throw fail(what + " must be a map of " + String.join(", ", fields));
        for (var names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw fail(prefix + name + " is not a known field (known: " + String.join(", ", fields) + ")");
            }
        }
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private OwnGoalDefinitionException fail(String problem) {
        return new OwnGoalDefinitionException(file, problem);
    }
}
