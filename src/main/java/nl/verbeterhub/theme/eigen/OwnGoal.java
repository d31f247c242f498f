package nl.verbeterhub.theme.eigen;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One hospital's own goal (themes.md §4.1): the goal, its indicators and milestones in definition order.
 * Ids match case-insensitively and are kept in the definition's spelling (§0.7 "Case").
 */
final class OwnGoal {

    /** A hospital without a definition file: no goal, nothing to report against. */
    static final OwnGoal EMPTY = new OwnGoal(null, null, List.of(), List.of());

    record Milestone(String id, String title) {
    }

    private final String id;
    private final String title;
    private final List<OwnGoalIndicator> indicators;
    private final List<Milestone> milestones;
    private final Map<String, Integer> indicatorIndex = new HashMap<>();
    private final Map<String, Integer> milestoneIndex = new HashMap<>();

    OwnGoal(String id, String title, List<OwnGoalIndicator> indicators, List<Milestone> milestones) {
        this.id = id;
        this.title = title;
        this.indicators = List.copyOf(indicators);
        this.milestones = List.copyOf(milestones);
        for (int i = 0; i < indicators.size(); i++) indicatorIndex.put(key(indicators.get(i).id()), i);
        for (int i = 0; i < milestones.size(); i++) milestoneIndex.put(key(milestones.get(i).id()), i);
    }

    static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }

    boolean defined() {
        return id != null;
    }

    String id() {
        return id;
    }

    String title() {
        return title;
    }

    List<OwnGoalIndicator> indicators() {
        return indicators;
    }

    List<Milestone> milestones() {
        return milestones;
    }

    /** The indicator's position in the definition, whatever the case of {@code anyCase}; −1 when it has none. */
    int indicatorIndex(String anyCase) {
        return indicatorIndex.getOrDefault(key(anyCase), -1);
    }

    int milestoneIndex(String anyCase) {
        return milestoneIndex.getOrDefault(key(anyCase), -1);
    }

    OwnGoalIndicator indicator(String anyCase) {
        int i = indicatorIndex(anyCase);
        return i < 0 ? null : indicators.get(i);
    }

    /** The definition's spelling of a milestone id, or null when it is not defined. */
    String milestoneId(String anyCase) {
        int i = milestoneIndex(anyCase);
        return i < 0 ? null : milestones.get(i).id();
    }
}
