package nl.verbeterhub.theme.kwetsbaar;

import java.util.List;
import nl.verbeterhub.record.Column;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.ThemeDefinition;
import nl.verbeterhub.theme.ThemeModule;
import nl.verbeterhub.theme.ThemeSettings;

/** KWETSBAAR (themes.md §1): continuity of care for frail elderly. */
public final class KwetsbaarTheme implements ThemeDefinition {

    /** A clinical admission of an elderly patient (themes.md §1.1); its own id column keeps its header apart from ADMISSION's. */
    public static final RecordType KWETSBAAR = RecordType.define(6, "KWETSBAAR", "admitted_at", List.of(
            Column.required("elderly_admission_id"),
            Column.required("patient_id"),
            Column.oneOf("age", "age_years"),
            Column.oneOf("age", "birth_date"),
            Column.required("admitted_at"),
            Column.optional("discharged_at"),
            Column.optional("discharge_destination"),
            Column.optional("delirium_screened_at"),
            Column.optional("falls_screened_at"),
            Column.optional("malnutrition_screened_at"),
            Column.optional("physical_screened_at"),
            Column.optional("letter_sent_at"),
            Column.optional("medication_overview_sent_at")));

    public static final Theme THEME = Theme.define("KWETSBAAR", "Goede continuïteit van zorg voor kwetsbare ouderen", KWETSBAAR);

    @Override
    public Theme theme() {
        return THEME;
    }

    @Override
    public List<RecordType> recordTypes() {
        return List.of(KWETSBAAR);
    }

    @Override
    public Class<KwetsbaarProperties> propertiesType() {
        return KwetsbaarProperties.class;
    }

    @Override
    public Object defaultSettings() {
        return KwetsbaarSettings.defaults();
    }

    @Override
    public ThemeModule module(ThemeSettings settings) {
        return new KwetsbaarModule(settings.of(THEME, KwetsbaarSettings.class));
    }
}
