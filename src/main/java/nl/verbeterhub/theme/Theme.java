package nl.verbeterhub.theme;

import java.util.List;
import nl.verbeterhub.record.RecordType;

/** The verbeterdoelen the hub reports on (domain.md §1); each lives in its own package. */
public enum Theme {
    VBI("Terugdringen van de inzet van (zware) vrijheidsbeperkende interventies", RecordType.VBI, RecordType.ADMISSION),
    NUCHTER("Nuchterbeleid bij kinderen in de preoperatieve fase", RecordType.NUCHTER),
    PIJN("Realiseren van een optimaal pijnbeleid in de zorginstelling", RecordType.PIJN),
    KWETSBAAR("Goede continuïteit van zorg voor kwetsbare ouderen", RecordType.KWETSBAAR),
    ANTISTOLLING("Realiseren van een optimaal antistollingsbeleid", RecordType.ANTISTOLLING, RecordType.ANTISTOLLING_SHIFT),
    DIAGNOSTIEK("Diagnostische processen", RecordType.DIAGNOSTIEK),
    EIGEN("Eigen verbeterdoel", RecordType.EIGEN_MONTH, RecordType.EIGEN_MILESTONE);

    private final String title;
    private final List<RecordType> feedingTypes;

    Theme(String title, RecordType... feedingTypes) {
        this.title = title;
        this.feedingTypes = List.of(feedingTypes);
    }

    public String title() {
        return title;
    }

    /** Every record type an extract may carry that changes this theme's drafts (VBI: also admissions; ANTISTOLLING: also shifts). */
    public List<RecordType> feedingTypes() {
        return feedingTypes;
    }

    /**
     * The theme whose drafts a type's records count for (admissions count for VBI); null for a type that
     * feeds no theme (the patient link). The one type→theme mapping: it follows {@link #feedingTypes}.
     */
    public static Theme of(RecordType type) {
        for (Theme theme : values()) {
            if (theme.feedingTypes.contains(type)) return theme;
        }
        return null;
    }
}
