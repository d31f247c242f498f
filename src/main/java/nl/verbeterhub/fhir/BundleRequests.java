package nl.verbeterhub.fhir;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a Bundle entry's {@code request.url} names (decision 45): {@code Type/id} or
 * {@code Type?identifier=[system|]value}, relative or with the server's base before it.
 */
final class BundleRequests {

    private static final String IDENTIFIER = "identifier=";

    /** A DELETE the hub cannot read: a malformed escape, no id, no identifier value. */
    static final String UNREADABLE = "";

    private BundleRequests() {
    }

    /** The resource type a request names, or null. */
    static String type(String url) {
        if (url == null) return null;
        int query = url.indexOf('?');
        if (query < 0) {
            String canonical = References.canonical(url);
            return canonical == null ? null : References.type(canonical);
        }
        String path = url.substring(0, query);
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * The record id a DELETE removes: the canonical {@code Type/id}, or the identifier's value — only when
     * the connector's record identifier system, if it names one, is the identifier's system. Null when the
     * request removes no record of the hub (another system's identifier); {@link #UNREADABLE} when it
     * cannot be read at all.
     */
    static String deletedId(String url, Optional<String> recordSystem) {
        if (url == null) return UNREADABLE;
        int query = url.indexOf('?');
        if (query < 0) {
            String canonical = References.canonical(url);
            return canonical == null || References.isUrn(canonical) ? UNREADABLE : canonical;
        }
        String[] identifier = identifier(url.substring(query + 1));
        if (identifier == null) return UNREADABLE;
        if (recordSystem.isPresent() && !recordSystem.get().equals(identifier[0])) return null;
        return identifier[1];
    }

    /**
     * The {@code identifier=[system|]value} of a search query as {system (or null), value}; null when
     * there is none, its value is empty or its escapes are malformed.
     */
    static String[] identifier(String query) {
        for (String parameter : query.split("&")) {
            if (!parameter.startsWith(IDENTIFIER)) continue;
            String identifier;
            try {
                identifier = URLDecoder.decode(parameter.substring(IDENTIFIER.length()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null; // a malformed % escape; its message would quote the identifier
            }
            int bar = identifier.indexOf('|');
            String value = identifier.substring(bar + 1);
            return value.isBlank() ? null : new String[] {bar < 0 ? null : identifier.substring(0, bar), value};
        }
        return null;
    }
}
