package nl.verbeterhub.theme.pijn;

import java.math.BigDecimal;

/**
 * A pain scale with its range and thresholds (domain.md §2, "Pain score"); configuration, so that a
 * deployment can add one.
 *
 * @param wholeNumbers values must be whole numbers (NRS, FLACC, PAINAD, COMFORT)
 * @param action pain needing action at or above this value
 * @param severe severe pain at or above this value; null when the scale is not counted as severe
 * @param observation an observation scale: its measurements are vulnerable by definition
 */
public record PainScale(String name, BigDecimal min, BigDecimal max, boolean wholeNumbers,
                        BigDecimal action, BigDecimal severe, boolean observation) {

    public boolean inRange(BigDecimal value) {
        return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
    }

    public boolean needsAction(BigDecimal value) {
        return value.compareTo(action) >= 0;
    }

    public boolean countsForSevere() {
        return severe != null;
    }

    public boolean severe(BigDecimal value) {
        return severe != null && value.compareTo(severe) >= 0;
    }
}
