package nl.verbeterhub.theme.diagnostiek;

import java.util.Map;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.record.RowParser;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.ThemeCalculator;
import nl.verbeterhub.theme.ThemeModule;

/** DIAGNOSTIEK: lab orders and reports, whether they were seen on time and critical ones passed on. */
public final class DiagnostiekModule implements ThemeModule {

    private final DiagnostiekSettings settings;

    public DiagnostiekModule(DiagnostiekSettings settings) {
        this.settings = settings;
    }

    @Override
    public Theme theme() {
        return DiagnostiekTheme.THEME;
    }

    @Override
    public Map<RecordType, RowParser> parsers() {
        return Map.of(DiagnostiekTheme.DIAGNOSTIEK, new ResultRowParser());
    }

    @Override
    public ThemeCalculator calculator() {
        return new DiagnostiekCalculator(settings);
    }
}
