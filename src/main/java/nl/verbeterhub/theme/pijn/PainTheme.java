package nl.verbeterhub.theme.pijn;

import java.util.List;
import nl.verbeterhub.record.Column;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.ThemeDefinition;
import nl.verbeterhub.theme.ThemeModule;
import nl.verbeterhub.theme.ThemeSettings;

/** PIJN (domain.md §1): pain measurements on the configured scales. */
public final class PainTheme implements ThemeDefinition {

    public static final RecordType PIJN = RecordType.define(3, "PIJN", "measured_at", List.of(
            Column.required("measurement_id"),
            Column.required("patient_id"),
            Column.optional("admission_id"),
            Column.required("measured_at"),
            Column.required("scale"),
            Column.required("value"),
            Column.optional("vulnerable")));

    public static final Theme THEME = Theme.define("PIJN", "Realiseren van een optimaal pijnbeleid in de zorginstelling", PIJN);

    @Override
    public Theme theme() {
        return THEME;
    }

    @Override
    public List<RecordType> recordTypes() {
        return List.of(PIJN);
    }

    @Override
    public ThemeModule module(ThemeSettings settings) {
        return new PainModule(settings.pain());
    }
}
