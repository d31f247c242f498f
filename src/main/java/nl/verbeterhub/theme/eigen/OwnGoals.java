package nl.verbeterhub.theme.eigen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The hospitals' own-goal definitions (themes.md §4.1): one {@code {agb}.yaml} per hospital in a folder,
 * read and checked at start-up. A hospital without a file has an empty definition.
 */
public final class OwnGoals {

    private static final Pattern FILE_NAME = Pattern.compile("(\\d{8})\\.yaml");

    private final Map<String, OwnGoal> byAgb;

    private OwnGoals(Map<String, OwnGoal> byAgb) {
        this.byAgb = Map.copyOf(byAgb);
    }

    public static OwnGoals none() {
        return new OwnGoals(Map.of());
    }

    /**
     * Every {@code {agb}.yaml} in the folder (other files are not definitions); none when the folder does
     * not exist.
     *
     * @throws OwnGoalDefinitionException naming the file and field of the first invalid definition
     */
    public static OwnGoals load(Path definitionsDir) {
        if (!Files.exists(definitionsDir)) return none();
        if (!Files.isDirectory(definitionsDir)) {
            throw new OwnGoalDefinitionException(definitionsDir.toString(), "is not a folder");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(definitionsDir)) {
            files = list.filter(p -> FILE_NAME.matcher(p.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            throw new OwnGoalDefinitionException(definitionsDir.toString(), "cannot be read");
        }
        Map<String, OwnGoal> byAgb = new HashMap<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            byAgb.put(name.substring(0, 8), OwnGoalFile.read(file, definitionsDir.resolve(name).toString()));
        }
        return new OwnGoals(byAgb);
    }

    /**
     * An indicator id as the hospital's definition spells it (ids match in any case, themes.md §0.7); the id as
     * given when the definition has no such indicator. A month's record id starts with it.
     */
    public String indicatorId(String agb, String anyCase) {
        OwnGoalIndicator indicator = anyCase == null ? null : definition(agb).indicator(anyCase);
        return indicator == null ? anyCase : indicator.id();
    }

    /** The hospital's definition; {@link OwnGoal#EMPTY} when it has no file. */
    OwnGoal definition(String agb) {
        return byAgb.getOrDefault(agb, OwnGoal.EMPTY);
    }
}
