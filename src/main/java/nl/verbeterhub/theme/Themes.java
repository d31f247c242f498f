package nl.verbeterhub.theme;

import java.util.EnumMap;
import java.util.Map;
import nl.verbeterhub.admission.AdmissionRowParser;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.record.RowParser;
import nl.verbeterhub.theme.nuchter.FastingCalculator;
import nl.verbeterhub.theme.nuchter.FastingRowParser;
import nl.verbeterhub.theme.pijn.PainCalculator;
import nl.verbeterhub.theme.pijn.PainRowParser;
import nl.verbeterhub.theme.pijn.PainScales;
import nl.verbeterhub.theme.vbi.VbiCalculator;
import nl.verbeterhub.theme.vbi.VbiRowParser;

/** The one place that lists every record type's parser and every theme's calculator. */
public final class Themes {

    private Themes() {
    }

    public static Map<RecordType, RowParser> parsers(PainScales scales) {
        Map<RecordType, RowParser> parsers = new EnumMap<>(RecordType.class);
        parsers.put(RecordType.VBI, new VbiRowParser());
        parsers.put(RecordType.NUCHTER, new FastingRowParser());
        parsers.put(RecordType.PIJN, new PainRowParser(scales));
        parsers.put(RecordType.ADMISSION, new AdmissionRowParser());
        return parsers;
    }

    public static Map<Theme, ThemeCalculator> calculators(PainScales scales) {
        Map<Theme, ThemeCalculator> calculators = new EnumMap<>(Theme.class);
        calculators.put(Theme.VBI, new VbiCalculator());
        calculators.put(Theme.NUCHTER, new FastingCalculator());
        calculators.put(Theme.PIJN, new PainCalculator(scales));
        return calculators;
    }
}
