package nl.verbeterhub.theme.eigen;

import java.nio.file.Path;
import nl.verbeterhub.theme.ThemeProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hub.themes.eigen.*} (themes.md §4.1).
 *
 * @param definitionsDir one {@code {agb}.yaml} own-goal definition per hospital
 */
public record EigenProperties(@DefaultValue("goals") Path definitionsDir) implements ThemeProperties<OwnGoals> {

    /** @throws OwnGoalDefinitionException naming file and field when a definition is invalid */
    @Override
    public OwnGoals toSettings() {
        return OwnGoals.load(definitionsDir);
    }
}
