package nl.verbeterhub.theme.pijn;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;

/** The configured pain scales, looked up case-insensitively, with aliases ({@code VAS} is VAS100). */
public final class PainScales {

    private final Map<String, PainScale> byName = new LinkedHashMap<>();

    public PainScales(Iterable<PainScale> scales, Map<String, String> aliases) {
        for (PainScale scale : scales) {
            byName.put(scale.name().toUpperCase(Locale.ROOT), scale);
        }
        aliases.forEach((alias, target) -> {
            PainScale scale = byName.get(target.toUpperCase(Locale.ROOT));
            if (scale == null) {
                throw new IllegalArgumentException("pain scale alias " + alias + " points to unknown scale " + target);
            }
            byName.put(alias.toUpperCase(Locale.ROOT), scale);
        });
    }

    /** The national defaults of domain.md §2. */
    public static PainScales defaults() {
        return new PainScales(java.util.List.of(
                scale("NRS", 0, 10, true, 4, 7, false),
                scale("VAS10", 0, 10, false, 4, 7, false),
                scale("VAS100", 0, 100, false, 40, 70, false),
                scale("FLACC", 0, 10, true, 4, null, true),
                scale("PAINAD", 0, 10, true, 4, null, true),
                scale("COMFORT", 6, 35, true, 17, null, true)),
                Map.of("VAS", "VAS100"));
    }

    private static PainScale scale(String name, int min, int max, boolean whole, int action, Integer severe,
                                   boolean observation) {
        return new PainScale(name, BigDecimal.valueOf(min), BigDecimal.valueOf(max), whole,
                BigDecimal.valueOf(action), severe == null ? null : BigDecimal.valueOf(severe), observation);
    }

    /** Every scale once, aliases left out. */
    public Collection<PainScale> all() {
        return new LinkedHashSet<>(byName.values());
    }

    /** The scale for a CSV or stored name, or null for an unknown scale. */
    public PainScale find(String name) {
        return byName.get(name.toUpperCase(Locale.ROOT));
    }
}
