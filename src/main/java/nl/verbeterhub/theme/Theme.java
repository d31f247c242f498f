package nl.verbeterhub.theme;

import java.util.List;
import nl.verbeterhub.record.RecordType;

/** The verbeterdoelen the hub reports on (domain.md §1); each lives in its own package. */
public enum Theme {
    VBI("Terugdringen van de inzet van (zware) vrijheidsbeperkende interventies", RecordType.VBI, RecordType.ADMISSION),
    NUCHTER("Nuchterbeleid bij kinderen in de preoperatieve fase", RecordType.NUCHTER),
    PIJN("Realiseren van een optimaal pijnbeleid in de zorginstelling", RecordType.PIJN);

    private final String title;
    private final RecordType ownType;
    private final List<RecordType> feedingTypes;

    Theme(String title, RecordType ownType, RecordType... alsoFedBy) {
        this.title = title;
        this.ownType = ownType;
        this.feedingTypes = alsoFedBy.length == 0 ? List.of(ownType) : List.of(ownType, alsoFedBy[0]);
    }

    public String title() {
        return title;
    }

    /** The record type whose accepted records make a draft of this theme exist. */
    public RecordType ownType() {
        return ownType;
    }

    /** Every record type an extract may carry that changes this theme's drafts (VBI: also admissions). */
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
