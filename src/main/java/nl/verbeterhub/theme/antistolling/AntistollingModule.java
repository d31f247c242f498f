package nl.verbeterhub.theme.antistolling;

import java.util.Map;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.record.RowParser;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.ThemeCalculator;
import nl.verbeterhub.theme.ThemeModule;

/** ANTISTOLLING: periprocedural anticoagulation policy and the expertise roster (themes.md §2). */
public final class AntistollingModule implements ThemeModule {

    private final AntistollingSettings settings;

    public AntistollingModule(AntistollingSettings settings) {
        this.settings = settings;
    }

    @Override
    public Theme theme() {
        return AntistollingTheme.THEME;
    }

    @Override
    public Map<RecordType, RowParser> parsers() {
        return Map.of(
                AntistollingTheme.ANTISTOLLING, new ProcedureRowParser(new AnticoagulantClasses(settings.anticoagulantAtc())),
                AntistollingTheme.ANTISTOLLING_SHIFT, new ShiftRowParser(settings.maxShiftMinutes()));
    }

    @Override
    public ThemeCalculator calculator() {
        return new AntistollingCalculator(settings);
    }
}
