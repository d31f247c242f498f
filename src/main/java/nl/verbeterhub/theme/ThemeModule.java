package nl.verbeterhub.theme;

import java.util.Map;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.record.RowParser;

/**
 * One theme as the hub plugs it in: the parsers of the record types that feed it and its calculator, built
 * by its {@link ThemeDefinition} from the settings.
 */
public interface ThemeModule {

    Theme theme();

    /** A parser for each of {@link Theme#feedingTypes()}. */
    Map<RecordType, RowParser> parsers();

    ThemeCalculator calculator();
}
