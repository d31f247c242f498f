package nl.verbeterhub.theme.nuchter;

import java.util.Map;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.record.RowParser;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.ThemeCalculator;
import nl.verbeterhub.theme.ThemeModule;

/** NUCHTER: fasting times of children before anaesthesia. */
public final class FastingModule implements ThemeModule {

    @Override
    public Theme theme() {
        return FastingTheme.THEME;
    }

    @Override
    public Map<RecordType, RowParser> parsers() {
        return Map.of(FastingTheme.NUCHTER, new FastingRowParser());
    }

    @Override
    public ThemeCalculator calculator() {
        return new FastingCalculator();
    }
}
