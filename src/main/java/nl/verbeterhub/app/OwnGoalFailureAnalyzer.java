package nl.verbeterhub.app;

import nl.verbeterhub.theme.eigen.OwnGoalDefinitionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** An invalid own-goal file stops the start-up with its file and field, not a stack of bean names. */
class OwnGoalFailureAnalyzer extends AbstractFailureAnalyzer<OwnGoalDefinitionException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, OwnGoalDefinitionException cause) {
        return new FailureAnalysis("An own-goal definition is invalid: " + cause.getMessage(),
                "Correct the file (themes.md §4.1; hub.themes.eigen.definitions-dir names the folder) and start again.",
                cause);
    }
}
