package nl.verbeterhub.theme.diagnostiek;

import java.util.List;
import nl.verbeterhub.record.Column;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.ThemeDefinition;
import nl.verbeterhub.theme.ThemeModule;
import nl.verbeterhub.theme.ThemeSettings;

/** DIAGNOSTIEK (themes.md §3): follow-up of diagnostic results. */
public final class DiagnostiekTheme implements ThemeDefinition {

    /** One lab order or report (themes.md §3.1). */
    public static final RecordType DIAGNOSTIEK = RecordType.define(9, "DIAGNOSTIEK", "result_at", List.of(
            Column.required("result_id"),
            Column.required("patient_id"),
            Column.required("result_at"),
            Column.optional("discipline"),
            Column.optional("priority"),
            Column.optional("critical"),
            Column.optional("acknowledged_at"),
            Column.optional("critical_notified_at")));

    public static final Theme THEME = Theme.define("DIAGNOSTIEK", "Diagnostische processen", DIAGNOSTIEK);

    @Override
    public Theme theme() {
        return THEME;
    }

    @Override
    public List<RecordType> recordTypes() {
        return List.of(DIAGNOSTIEK);
    }

    @Override
    public Class<DiagnostiekProperties> propertiesType() {
        return DiagnostiekProperties.class;
    }

    @Override
    public Object defaultSettings() {
        return DiagnostiekSettings.defaults();
    }

    @Override
    public ThemeModule module(ThemeSettings settings) {
        return new DiagnostiekModule(settings.of(THEME, DiagnostiekSettings.class));
    }
}
