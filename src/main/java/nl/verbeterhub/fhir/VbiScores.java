package nl.verbeterhub.fhir;

import java.util.HashMap;
import java.util.Map;

/**
 * The score of a VBI intervention by its code, where the resource carries no score extension (domain.md
 * §6): the hub's default table of the general SoortInterventie list, which a deployment may extend (the
 * Wvggz and Wzd lists) or override through {@code hub.fhir.vbi-scores}. A code it lacks is
 * {@code UNKNOWN_INTERVENTION}; a score is never guessed.
 */
public final class VbiScores {

    private static final String SNOMED = Codes.SNOMED;

    private final Map<String, Integer> byCoding;

    private VbiScores(Map<String, Integer> byCoding) {
        this.byCoding = Map.copyOf(byCoding);
    }

    public static VbiScores defaults() {
        Map<String, Integer> t = new HashMap<>();
        put(t, 5, "123961000146106", "123891000146106", "124031000146100");
        put(t, 4, "123901000146107", "123911000146109", "123951000146108", "123941000146105", "123971000146100",
                "29211000146105", "37041007");
        put(t, 3, "123921000146104", "124021000146102");
        put(t, 2, "123931000146102", "124001000146105", "123991000146101", "124011000146107", "123981000146103");
        put(t, 1, "121401000146101", "121411000146104", "121431000146106", "121441000146103", "121421000146109",
                "121391000146104", "121471000146108");
        return new VbiScores(t);
    }

    private static void put(Map<String, Integer> table, int score, String... snomedCodes) {
        for (String code : snomedCodes) table.put(SNOMED + "|" + code, score);
    }

    /**
     * The defaults with a deployment's additions and changes.
     *
     * @param overrides a SNOMED code, or {@code system|code}, → a score from 1 to 5
     */
    public VbiScores with(Map<String, Integer> overrides) {
        if (overrides == null || overrides.isEmpty()) return this;
        Map<String, Integer> t = new HashMap<>(byCoding);
        overrides.forEach((key, score) -> {
            if (score == null || score < 1 || score > 5) {
                throw new IllegalArgumentException("hub.fhir.vbi-scores." + key + " must be a score from 1 to 5");
            }
            t.put(key.contains("|") ? key : SNOMED + "|" + key, score);
        });
        return new VbiScores(t);
    }

    /** The score of the first coding the table knows, or null. */
    Integer score(Codings code) {
        for (int i = 0; i < code.size(); i++) {
            Integer score = byCoding.get(code.system(i) + "|" + code.code(i));
            if (score != null) return score;
        }
        return null;
    }
}
