package nl.verbeterhub.theme.eigen;

import java.util.List;
import nl.verbeterhub.record.Column;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.ThemeDefinition;
import nl.verbeterhub.theme.ThemeModule;
import nl.verbeterhub.theme.ThemeSettings;

/** EIGEN (themes.md §4): the hospital's own improvement goal, defined in {@code goals/{agb}.yaml}. */
public final class EigenTheme implements ThemeDefinition {

    /** One month's number of an own-goal indicator (themes.md §4.2); no patient. */
    public static final RecordType EIGEN_MONTH = RecordType.define(10, "EIGEN_MONTH", "month", List.of(
            Column.required("indicator_id"),
            Column.required("month"),
            Column.required("numerator"),
            Column.optional("denominator")));

    /** A milestone's status as reported on a day (themes.md §4.2); no patient. */
    public static final RecordType EIGEN_MILESTONE = RecordType.define(11, "EIGEN_MILESTONE", "reported_on", List.of(
            Column.required("milestone_id"),
            Column.required("status"),
            Column.required("reported_on")));

    public static final Theme THEME = Theme.define("EIGEN", "Eigen verbeterdoel", EIGEN_MONTH, EIGEN_MILESTONE);

    @Override
    public Theme theme() {
        return THEME;
    }

    @Override
    public List<RecordType> recordTypes() {
        return List.of(EIGEN_MONTH, EIGEN_MILESTONE);
    }

    @Override
    public Class<EigenProperties> propertiesType() {
        return EigenProperties.class;
    }

    @Override
    public Object defaultSettings() {
        return OwnGoals.none();
    }

    @Override
    public ThemeModule module(ThemeSettings settings) {
        return new EigenModule(settings.of(THEME, OwnGoals.class));
    }
}
