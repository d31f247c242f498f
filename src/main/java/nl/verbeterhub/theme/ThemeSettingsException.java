package nl.verbeterhub.theme;

/**
 * A theme's settings that cannot be used, such as an invalid own-goal file: start-up fails with what is
 * wrong and what to do, and {@code validate} exits 2. Never carries anything from an extract.
 */
public abstract class ThemeSettingsException extends RuntimeException {

    protected ThemeSettingsException(String message) {
        super(message);
    }

    /** What is wrong, for the start-up failure report. */
    public abstract String description();

    /** What the operator does about it. */
    public abstract String action();
}
