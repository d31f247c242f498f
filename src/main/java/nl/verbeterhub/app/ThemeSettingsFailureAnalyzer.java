package nl.verbeterhub.app;

import nl.verbeterhub.theme.ThemeSettingsException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A theme's unusable settings (an invalid own-goal file) stop the start-up with file and field, not a stack of bean names. */
class ThemeSettingsFailureAnalyzer extends AbstractFailureAnalyzer<ThemeSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ThemeSettingsException cause) {
        return new FailureAnalysis(cause.description(), cause.action(), cause);
    }
}
