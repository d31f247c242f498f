package nl.verbeterhub.fhir;

import java.util.Arrays;

/**
 * The (system, code) pairs of a CodeableConcept or of a list of Codings — or the (system, value) pairs of
 * identifiers — reused from resource to resource so that a streamed line allocates no lists of its own.
 */
final class Codings {

    private String[] systems = new String[4];
    private String[] codes = new String[4];
    private int size;
    /** A CodeableConcept's {@code text}: present, whatever it says (its content is never read). */
    boolean text;

    void clear() {
        Arrays.fill(systems, 0, size, null);
        Arrays.fill(codes, 0, size, null);
        size = 0;
        text = false;
    }

    void add(String system, String code) {
        if (size == systems.length) {
            systems = Arrays.copyOf(systems, size * 2);
            codes = Arrays.copyOf(codes, size * 2);
        }
        systems[size] = system;
        codes[size] = code;
        size++;
    }

    int size() {
        return size;
    }

    String system(int i) {
        return systems[i];
    }

    String code(int i) {
        return codes[i];
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Matched on system and code (domain.md §6). */
    boolean has(String system, String code) {
        for (int i = 0; i < size; i++) {
            if (system.equals(systems[i]) && code.equals(codes[i])) return true;
        }
        return false;
    }

    /** The code of the first coding in this system, or null. */
    String codeIn(String system) {
        for (int i = 0; i < size; i++) {
            if (system.equals(systems[i]) && codes[i] != null) return codes[i];
        }
        return null;
    }

    /** For the tests that compare the two readers: every pair, in order. */
    String describe() {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < size; i++) b.append(systems[i]).append('|').append(codes[i]).append(';');
        return b.append(text ? "text]" : "]").toString();
    }
}
