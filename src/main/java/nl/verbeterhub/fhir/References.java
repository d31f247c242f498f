package nl.verbeterhub.fhir;

/**
 * What a reference names, in one form whatever way it is written: {@code Type/id} for a relative or an
 * absolute RESTful reference (a version {@code /_history/n} dropped), the {@code urn:uuid:} or
 * {@code urn:oid:} itself (to be resolved through a Bundle's {@code fullUrl}s), or nothing it can resolve:
 * a contained resource ({@code #id}), a conditional reference ({@code Type?…}), anything else.
 */
final class References {

    private static final int MAX_TYPE = 64;
    // FHIR's ids are 64 long at most; other systems send longer ones, and they must still resolve.
    private static final int MAX_ID = 256;

    private References() {
    }

    /** The canonical form, or null when the reference names nothing the hub can resolve. */
    static String canonical(String reference) {
        if (reference == null || reference.isBlank() || reference.startsWith("#") || reference.indexOf('?') >= 0) {
            return null;
        }
        if (isUrn(reference)) return reference.length() > reference.indexOf(':', 4) + 1 ? reference : null;
        int end = reference.length();
        int idStart = reference.lastIndexOf('/', end - 1) + 1;
        if (idStart >= 2 && reference.startsWith("_history/", reference.lastIndexOf('/', idStart - 2) + 1)) {
            end = reference.lastIndexOf('/', idStart - 2); // drop "/_history/n"
            if (end <= 0) return null;
            idStart = reference.lastIndexOf('/', end - 1) + 1;
        }
        if (idStart < 2) return null;
        int typeStart = reference.lastIndexOf('/', idStart - 2) + 1;
        if (!isType(reference, typeStart, idStart - 1) || !isId(reference, idStart, end)) return null;
        // The common case, a relative reference, is its own canonical form.
        return typeStart == 0 && end == reference.length() ? reference : reference.substring(typeStart, end);
    }

    /** {@code [A-Z][A-Za-z]+}: a resource type's name. */
    private static boolean isType(String s, int from, int to) {
        if (to - from < 2 || to - from > MAX_TYPE || s.charAt(from) < 'A' || s.charAt(from) > 'Z') return false;
        for (int i = from + 1; i < to; i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) return false;
        }
        return true;
    }

    /**
     * An id as systems send it: FHIR's {@code [A-Za-z0-9\-.]{1,64}} and beyond (an {@code _}, up to 256
     * characters), but printable ASCII only and nothing that ends a path segment, starts a query or
     * names a scheme.
     */
    private static boolean isId(String s, int from, int to) {
        if (to - from < 1 || to - from > MAX_ID) return false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '/' || c == '?' || c == '#' || c == '|' || c == ':') return false;
        }
        return true;
    }

    /** Whether a canonical reference is of this type, without cutting it apart. */
    static boolean isOfType(String canonical, String type) {
        return canonical.length() > type.length() + 1 && canonical.startsWith(type)
                && canonical.charAt(type.length()) == '/';
    }

    static boolean isUrn(String reference) {
        return reference.startsWith("urn:uuid:") || reference.startsWith("urn:oid:");
    }

    /** The resource type of a canonical {@code Type/id}; null for a URN. */
    static String type(String canonical) {
        int slash = canonical.indexOf('/');
        return isUrn(canonical) || slash < 0 ? null : canonical.substring(0, slash);
    }

    /** The canonical form of a resource itself: {@code Type/id}, else its Bundle entry's {@code fullUrl}; null if neither. */
    static String self(FhirResource r, String fullUrl) {
        if (r.id != null && isId(r.id, 0, r.id.length())) return r.resourceType + "/" + r.id;
        return fullUrl == null ? null : canonical(fullUrl);
    }
}
