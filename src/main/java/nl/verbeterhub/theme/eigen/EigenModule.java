package nl.verbeterhub.theme.eigen;

import java.util.Map;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.record.RowParser;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.ThemeCalculator;
import nl.verbeterhub.theme.ThemeModule;

/** EIGEN: each hospital's own goal, its monthly numbers and milestones checked against its own definition. */
public final class EigenModule implements ThemeModule {

    private final OwnGoals goals;

    public EigenModule(OwnGoals goals) {
        this.goals = goals;
    }

    @Override
    public Theme theme() {
        return EigenTheme.THEME;
    }

    @Override
    public Map<RecordType, RowParser> parsers() {
        return Map.of(EigenTheme.EIGEN_MONTH, new MonthRowParser(goals),
                EigenTheme.EIGEN_MILESTONE, new MilestoneRowParser(goals));
    }

    @Override
    public ThemeCalculator calculator() {
        return new EigenCalculator(goals);
    }
}
