package nl.verbeterhub.theme;

import java.util.Map;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.record.RowParser;

/**
 * One theme as the hub plugs it in: the parsers of the record types that feed it and its calculator,
 * built from its configuration. Each theme package has one; {@link Themes} lists them, the only place.
 * The tables themselves are in {@link RecordType} (state and sources need them below the themes), the
 * draft's indicators shape in {@code schemas/draft.v1.schema.json} under {@code $defs/<theme>}
 * ({@code DraftSchemaTests} checks every theme has one).
 */
public interface ThemeModule {

    Theme theme();

    /** A parser for each of {@link Theme#feedingTypes()}. */
    Map<RecordType, RowParser> parsers();

    ThemeCalculator calculator();
}
