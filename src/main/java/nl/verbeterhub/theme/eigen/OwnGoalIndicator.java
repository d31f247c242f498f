package nl.verbeterhub.theme.eigen;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * One indicator of an own goal (themes.md §4.1), as its quality staff wrote it.
 *
 * @param target as written in the definition (0.90 stays 0.90), or null
 */
record OwnGoalIndicator(String id, String title, Scoring scoring, Direction direction, BigDecimal target) {

    enum Scoring {
        PROPORTION, COUNT;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    enum Direction {
        HIGHER, LOWER;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    boolean proportion() {
        return scoring == Scoring.PROPORTION;
    }

    /** Whether {@code numerator / denominator} (a count: the numerator) meets the target, compared exactly. */
    boolean met(long numerator, long denominator) {
        BigDecimal value = BigDecimal.valueOf(numerator);
        BigDecimal bar = proportion() ? target.multiply(BigDecimal.valueOf(denominator)) : target;
        int c = value.compareTo(bar);
        return direction == Direction.HIGHER ? c >= 0 : c <= 0;
    }
}
