package nl.verbeterhub.access;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The {@link HubUser} behind the request's authentication (a person of the directory, or an upload token). */
public final class CurrentUser {

    private final UserDirectory directory;

    public CurrentUser(UserDirectory directory) {
        this.directory = directory;
    }

    public HubUser get() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    public HubUser of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("no authenticated user");
        }
        if (authentication.getPrincipal() instanceof HubUser token) return token;
        return directory.user(authentication.getName())
                .orElseThrow(() -> new IllegalStateException("authenticated user unknown to the directory"));
    }
}
