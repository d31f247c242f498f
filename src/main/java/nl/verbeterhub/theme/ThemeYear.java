package nl.verbeterhub.theme;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One theme's figures for one hospital-year, computed from the kept records. */
public interface ThemeYear {

    /** The latest anchor among the theme's accepted records of the year, before population filters. */
    long dataUntil();

    /** Writes every indicator of domain.md §3 into {@code target}, nulls included. */
    void writeIndicators(ObjectNode target, Suppression suppression);

    /** A one-sentence Dutch summary for {@code pdca.check}, from the published (possibly suppressed) values. */
    String checkSentence(int year, ObjectNode indicators);
}
