package nl.verbeterhub.theme;

import java.util.SortedMap;
import nl.verbeterhub.state.RecordStore;

/** Computes a theme's figures for a hospital from the record state, in one ordered pass. */
public interface ThemeCalculator {

    Theme theme();

    /** One entry per year in which the theme has at least one accepted record. */
    SortedMap<Integer, ? extends ThemeYear> compute(RecordStore store, String agb, DeliveredTypes delivered);
}
