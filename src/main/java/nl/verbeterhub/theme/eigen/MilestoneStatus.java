package nl.verbeterhub.theme.eigen;

import java.util.Locale;

/** A milestone's status (themes.md §4.2), in English or Dutch, case-insensitive. Kept by ordinal: append only. */
enum MilestoneStatus {
    PLANNED("planned", "gepland"),
    IN_PROGRESS("in_progress", "bezig"),
    DONE("done", "gereed"),
    DROPPED("dropped", "vervallen");

    private final String english;
    private final String dutch;

    MilestoneStatus(String english, String dutch) {
        this.english = english;
        this.dutch = dutch;
    }

    /** Null when the value is none of the eight words. */
    static MilestoneStatus parse(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        for (MilestoneStatus s : values()) {
            if (s.english.equals(v) || s.dutch.equals(v)) return s;
        }
        return null;
    }
}
