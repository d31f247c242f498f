package nl.verbeterhub.theme.antistolling;

import java.util.List;
import nl.verbeterhub.record.Column;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.ThemeDefinition;
import nl.verbeterhub.theme.ThemeModule;
import nl.verbeterhub.theme.ThemeSettings;

/** ANTISTOLLING (themes.md §2): periprocedural anticoagulation policy and the expertise roster. */
public final class AntistollingTheme implements ThemeDefinition {

    /** A procedure of a patient on an anticoagulant or platelet inhibitor (themes.md §2.1). */
    public static final RecordType ANTISTOLLING = RecordType.define(7, "ANTISTOLLING", "procedure_at", List.of(
            Column.required("procedure_id"),
            Column.required("patient_id"),
            Column.required("procedure_at"),
            Column.required("anticoagulant"),
            Column.optional("urgency"),
            Column.optional("bleeding_risk"),
            Column.optional("plan"),
            Column.optional("plan_recorded_at"),
            Column.optional("inr_at"),
            Column.optional("postponed")));

    /** A rostered period of anticoagulation expertise (themes.md §2.1); no patient. */
    public static final RecordType ANTISTOLLING_SHIFT = RecordType.define(8, "ANTISTOLLING_SHIFT", "start", List.of(
            Column.required("shift_id"),
            Column.required("start"),
            Column.required("end")));

    public static final Theme THEME = Theme.define("ANTISTOLLING", "Realiseren van een optimaal antistollingsbeleid",
            ANTISTOLLING, ANTISTOLLING_SHIFT);

    @Override
    public Theme theme() {
        return THEME;
    }

    @Override
    public List<RecordType> recordTypes() {
        return List.of(ANTISTOLLING, ANTISTOLLING_SHIFT);
    }

    @Override
    public Class<AntistollingProperties> propertiesType() {
        return AntistollingProperties.class;
    }

    @Override
    public Object defaultSettings() {
        return AntistollingSettings.defaults();
    }

    @Override
    public ThemeModule module(ThemeSettings settings) {
        return new AntistollingModule(settings.of(THEME, AntistollingSettings.class));
    }
}
