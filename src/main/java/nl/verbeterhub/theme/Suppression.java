package nl.verbeterhub.theme;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes indicator values into a draft, applying the small-group rule (domain.md §3): with {@code k > 1}
 * a count from 1 to k − 1, and a share or percentile over fewer than k records, is written as null and
 * its JSON Pointer listed in {@code dataQuality.suppressed}. Zero is never suppressed; a share or
 * percentile over an empty set is null without being listed.
 */
public final class Suppression {

    private final int k;
    private final List<String> suppressed = new ArrayList<>();

    public Suppression(int k) {
        this.k = k;
    }

    public List<String> suppressed() {
        return suppressed;
    }

    public void count(ObjectNode target, String field, String pointer, long n) {
        if (n > 0 && n < k) {
            suppressed.add(pointer);
            target.putNull(field);
        } else {
            target.put(field, n);
        }
    }

    /** Writes {@code numerator / denominator}, exact, rounded half-up to 4 decimals. */
    public void share(ObjectNode target, String field, String pointer, long numerator, long denominator) {
        if (hidden(pointer, denominator)) {
            target.putNull(field);
        } else {
            target.put(field, ratio(numerator, denominator, 1, 4));
        }
    }

    /** Writes {@code numerator × multiplier / denominator} rounded half-up to {@code scale} decimals. */
    public void rate(ObjectNode target, String field, String pointer, long numerator, long denominator,
                     long multiplier, int scale) {
        if (hidden(pointer, denominator)) {
            target.putNull(field);
        } else {
            target.put(field, ratio(numerator, denominator, multiplier, scale));
        }
    }

    /** Writes {@code {"median": …, "p90": …}}. */
    public void percentiles(ObjectNode target, String field, String pointer, MinuteHistogram histogram) {
        ObjectNode node = target.putObject(field);
        if (hidden(pointer, histogram.size())) {
            node.putNull("median");
            node.putNull("p90");
        } else {
            node.put("median", histogram.percentile(50));
            node.put("p90", histogram.percentile(90));
        }
    }

    private boolean hidden(String pointer, long n) {
        if (n == 0) return true;
        if (n < k) {
            suppressed.add(pointer);
            return true;
        }
        return false;
    }

    /** Exact decimal arithmetic; trailing zeros dropped so that JSON shows 0.5, not 0.5000. */
    static BigDecimal ratio(long numerator, long denominator, long multiplier, int scale) {
        return BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(multiplier))
                .divide(BigDecimal.valueOf(denominator), scale, RoundingMode.HALF_UP)
                .stripTrailingZeros();
    }
}
