package nl.verbeterhub.theme.vbi;

import java.util.Map;
import nl.verbeterhub.admission.AdmissionRowParser;
import nl.verbeterhub.admission.Admissions;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.record.RowParser;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.ThemeCalculator;
import nl.verbeterhub.theme.ThemeModule;

/** VBI: registrations, and clinical admissions for its denominator. */
public final class VbiModule implements ThemeModule {

    @Override
    public Theme theme() {
        return VbiTheme.THEME;
    }

    @Override
    public Map<RecordType, RowParser> parsers() {
        return Map.of(VbiTheme.VBI, new VbiRowParser(), Admissions.ADMISSION, new AdmissionRowParser());
    }

    @Override
    public ThemeCalculator calculator() {
        return new VbiCalculator();
    }
}
