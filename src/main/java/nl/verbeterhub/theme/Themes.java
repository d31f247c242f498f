package nl.verbeterhub.theme;

import java.util.ArrayList;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.record.RowParser;
import nl.verbeterhub.theme.pijn.PainScales;

/** The theme modules, built from the registered {@link ThemeDefinition}s; every record type's parser and every theme's calculator come from them. */
public final class Themes {

    private Themes() {
    }

    public static List<ThemeModule> modules(ThemeSettings settings) {
        List<ThemeModule> modules = new ArrayList<>();
        for (ThemeDefinition definition : Theme.definitions()) modules.add(definition.module(settings));
        return modules;
    }

    public static Map<RecordType, RowParser> parsers(ThemeSettings settings) {
        Map<RecordType, RowParser> parsers = new TreeMap<>();
        for (ThemeModule module : modules(settings)) parsers.putAll(module.parsers());
        return parsers;
    }

    public static Map<Theme, ThemeCalculator> calculators(ThemeSettings settings) {
        Map<Theme, ThemeCalculator> calculators = new TreeMap<>();
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
