package nl.verbeterhub.theme.nuchter;

import java.util.List;
import nl.verbeterhub.record.Column;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.ThemeDefinition;
import nl.verbeterhub.theme.ThemeModule;
import nl.verbeterhub.theme.ThemeSettings;

/** NUCHTER (domain.md §1): how long children fasted before induction. */
public final class FastingTheme implements ThemeDefinition {

    public static final RecordType NUCHTER = RecordType.define(2, "NUCHTER", "induction_at", List.of(
            Column.required("procedure_id"),
            Column.required("patient_id"),
            Column.oneOf("age", "age_years"),
            Column.oneOf("age", "birth_date"),
            Column.required("induction_at"),
            Column.optional("last_solid_at"),
            Column.optional("last_clear_fluid_at"),
            Column.optional("urgency")));

    public static final Theme THEME = Theme.define("NUCHTER", "Nuchterbeleid bij kinderen in de preoperatieve fase", NUCHTER);

    @Override
    public Theme theme() {
        return THEME;
    }

    @Override
    public List<RecordType> recordTypes() {
        return List.of(NUCHTER);
    }

    @Override
    public ThemeModule module(ThemeSettings settings) {
        return new FastingModule();
    }
}
