package nl.verbeterhub.theme;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.record.RowParser;
import nl.verbeterhub.theme.antistolling.AntistollingModule;
import nl.verbeterhub.theme.diagnostiek.DiagnostiekModule;
import nl.verbeterhub.theme.eigen.EigenModule;
import nl.verbeterhub.theme.kwetsbaar.KwetsbaarModule;
import nl.verbeterhub.theme.nuchter.FastingModule;
import nl.verbeterhub.theme.pijn.PainModule;
import nl.verbeterhub.theme.pijn.PainScales;
import nl.verbeterhub.theme.vbi.VbiModule;

/** The one place that lists the theme modules; every record type's parser and every theme's calculator come from them. */
public final class Themes {

    private Themes() {
    }

    public static List<ThemeModule> modules(ThemeSettings settings) {
        List<ThemeModule> modules = new ArrayList<>();
        modules.add(new VbiModule());
        modules.add(new FastingModule());
        modules.add(new PainModule(settings.pain()));
        modules.add(new KwetsbaarModule(settings.kwetsbaar()));
        modules.add(new AntistollingModule(settings.antistolling()));
        modules.add(new DiagnostiekModule(settings.diagnostiek()));
        modules.add(new EigenModule(settings.ownGoals()));
        return modules;
    }

    public static Map<RecordType, RowParser> parsers(ThemeSettings settings) {
        Map<RecordType, RowParser> parsers = new EnumMap<>(RecordType.class);
        for (ThemeModule module : modules(settings)) parsers.putAll(module.parsers());
        return parsers;
    }

    public static Map<Theme, ThemeCalculator> calculators(ThemeSettings settings) {
        Map<Theme, ThemeCalculator> calculators = new EnumMap<>(Theme.class);
        for (ThemeModule module : modules(settings)) calculators.put(module.theme(), module.calculator());
        return calculators;
    }

    /** Every theme's defaults with these pain scales (tests and tools that only configure pain). */
    public static Map<RecordType, RowParser> parsers(PainScales scales) {
        return parsers(ThemeSettings.defaults().withPain(scales));
    }

    public static Map<Theme, ThemeCalculator> calculators(PainScales scales) {
        return calculators(ThemeSettings.defaults().withPain(scales));
    }
}
