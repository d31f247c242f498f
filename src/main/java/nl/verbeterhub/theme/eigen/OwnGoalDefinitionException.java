package nl.verbeterhub.theme.eigen;

import nl.verbeterhub.theme.ThemeSettingsException;

/**
 * An own-goal definition file that cannot be used (themes.md §4.1): start-up fails and {@code validate}
 * exits 2. The message names the file and the field, never anything from an extract.
 */
public class OwnGoalDefinitionException extends ThemeSettingsException {

    OwnGoalDefinitionException(String file, String problem) {
        super(file + ": " + problem);
    }

    @Override
    public String description() {
        return "An own-goal definition is invalid: " + getMessage();
    }

    @Override
    public String action() {
        return "Correct the file (themes.md §4.1; hub.themes.eigen.definitions-dir names the folder) and start again.";
    }
}
