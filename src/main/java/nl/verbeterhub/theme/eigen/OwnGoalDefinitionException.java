package nl.verbeterhub.theme.eigen;

/**
 * An own-goal definition file that cannot be used (themes.md §4.1): start-up fails and {@code validate}
 * exits 2. The message names the file and the field, never anything from an extract.
 */
public class OwnGoalDefinitionException extends RuntimeException {

    OwnGoalDefinitionException(String file, String problem) {
        super(file + ": " + problem);
    }
}
