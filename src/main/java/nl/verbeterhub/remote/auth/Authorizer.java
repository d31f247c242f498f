package nl.verbeterhub.remote.auth;

import java.util.Optional;

/**
 * The {@code Authorization} header of a FHIR source's requests (connectors/README.md, "auth"). A request
 * answered 401 calls {@link #refresh()} once and is retried once with the new header. Implementations
 * never log a token or a key.
 */
public interface Authorizer {

    /** The header's value for the next request ({@code Bearer …}), or empty to send none. */
    Optional<String> authorization();

    /**
     * The server answered 401: forget the cached token so that the next {@link #authorization()} gets a new
     * one. False when there is nothing to refresh (no auth, a static token): the 401 then stands.
     */
    boolean refresh();
}
