package nl.verbeterhub.fhir;

import java.util.List;

/**
 * What both readers make of the hub's extensions and of a MeasureReport's populations, in one place so
 * that they fill a {@link FhirResource} alike: the first extension of each kind counts, and within the
 * periprocedural extension the first sub-extension of each name.
 */
final class Extensions {

    /**
     * A sub-extension: its url, and its value as a Coding's system and code or a primitive's text;
     * {@code unreadable} when it has a value of another kind (a CodeableConcept, a Quantity).
     */
    record Value(String url, String system, String text, boolean unreadable) {
    }

    private Extensions() {
    }

    static void apply(FhirResource r, String url, String integer, List<Value> subs) {
        if (Codes.VBI_SCORE_EXTENSION.equals(url) && !r.vbiScoreExtension) {
            r.vbiScoreExtension = true;
            r.vbiScore = integer;
        } else if (Codes.PERIPROCEDURAL_EXTENSION.equals(url) && !r.anticoagulation) {
            r.anticoagulation = true;
            for (Value sub : subs) periprocedural(r, sub);
        }
    }

    private static void periprocedural(FhirResource r, Value sub) {
        if (sub.url() == null) return;
        switch (sub.url()) {
            case "anticoagulant" -> {
                if (r.anticoagulantSystem == null && r.anticoagulantCode == null) {
                    r.anticoagulantSystem = sub.system();
                    // A value that is no Coding (a CodeableConcept) is unparsable; an empty one is none: missing.
                    r.anticoagulantCode = sub.unreadable() ? "" : sub.text();
                }
            }
            case "bleedingRisk" -> r.bleedingRisk = first(r.bleedingRisk, sub);
            case "plan" -> r.plan = first(r.plan, sub);
            case "planRecorded" -> r.planRecorded = first(r.planRecorded, sub);
            case "postponed" -> r.postponed = first(r.postponed, sub);
            default -> {
                // another sub-extension: not read
            }
        }
    }

    private static String first(String kept, Value sub) {
        return kept != null ? kept : sub.text();
    }

    /** One population of a MeasureReport's first group: each coding of its code, with its count. */
    static void population(FhirResource r, Codings code, String count) {
        for (int i = 0; i < code.size(); i++) {
            r.populations.add(code.system(i), code.code(i));
            r.populationCounts.add(count);
        }
    }
}
