package nl.verbeterhub.theme.vbi;

import java.util.List;
import nl.verbeterhub.admission.Admissions;
import nl.verbeterhub.record.Column;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.ThemeDefinition;
import nl.verbeterhub.theme.ThemeModule;
import nl.verbeterhub.theme.ThemeSettings;

/** VBI (domain.md §1): registrations of heavy freedom-restricting interventions, over clinical admissions. */
public final class VbiTheme implements ThemeDefinition {

    public static final RecordType VBI = RecordType.define(1, "VBI", "start", List.of(
            Column.required("registration_id"),
            Column.required("patient_id"),
            Column.optional("ward"),
            Column.required("intervention_type"),
            Column.required("score"),
            Column.required("start"),
            Column.optional("end"),
            Column.optional("alternatives_considered")));

    public static final Theme THEME = Theme.define("VBI",
            "Terugdringen van de inzet van (zware) vrijheidsbeperkende interventies", VBI, Admissions.ADMISSION);

    @Override
    public Theme theme() {
        return THEME;
    }

    @Override
    public List<RecordType> recordTypes() {
        return List.of(VBI, Admissions.ADMISSION);
    }

    @Override
    public ThemeModule module(ThemeSettings settings) {
        return new VbiModule();
    }
}
