package nl.verbeterhub.theme.kwetsbaar;

import java.util.Map;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.record.RowParser;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.ThemeCalculator;
import nl.verbeterhub.theme.ThemeModule;

/** KWETSBAAR: VMS screening of elderly admissions and the timely discharge letter and medication overview. */
public final class KwetsbaarModule implements ThemeModule {

    private final KwetsbaarCalculator calculator;

    /** @throws IllegalArgumentException when the settings name an unknown destination */
    public KwetsbaarModule(KwetsbaarSettings settings) {
        this.calculator = new KwetsbaarCalculator(settings);
    }

    @Override
    public Theme theme() {
        return KwetsbaarTheme.THEME;
    }

    @Override
    public Map<RecordType, RowParser> parsers() {
        return Map.of(KwetsbaarTheme.KWETSBAAR, new ElderlyAdmissionRowParser());
    }

    @Override
    public ThemeCalculator calculator() {
        return calculator;
    }
}
