package nl.verbeterhub.theme.pijn;

import java.util.Map;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.record.RowParser;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.ThemeCalculator;
import nl.verbeterhub.theme.ThemeModule;

/** PIJN: pain scores on the configured scales. */
public final class PainModule implements ThemeModule {

    private final PainScales scales;

    public PainModule(PainScales scales) {
        this.scales = scales;
    }

    @Override
    public Theme theme() {
        return PainTheme.THEME;
    }

    @Override
    public Map<RecordType, RowParser> parsers() {
        return Map.of(PainTheme.PIJN, new PainRowParser(scales));
    }

    @Override
    public ThemeCalculator calculator() {
        return new PainCalculator(scales);
    }
}
