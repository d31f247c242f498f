package nl.verbeterhub.remote.auth;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import nl.verbeterhub.connector.RemoteAuth;
import nl.verbeterhub.failure.RemoteSourceException;

/** Makes the {@link Authorizer} a connector's {@code auth} setting names. */
public final class Authorizers {

    private Authorizers() {
    }

    /** @param environment reads an environment variable (System::getenv, or a test's map) */
    public static Authorizer of(RemoteAuth auth, Function<String, String> environment) {
        if (auth instanceof RemoteAuth.None) return NONE;
        if (auth instanceof RemoteAuth.Bearer bearer) return new StaticBearer(bearer.tokenEnv(), environment);
        return new SmartBackendAuthorizer((RemoteAuth.Smart) auth, environment, Clock.systemUTC());
    }

    static final Authorizer NONE = new Authorizer() {
        @Override
        public Optional<String> authorization() {
            return Optional.empty();
        }

        @Override
        public boolean refresh() {
            return false;
        }
    };

    /** A token from the environment, read at each request so that a rotated secret takes effect. */
    private record StaticBearer(String env, Function<String, String> environment) implements Authorizer {

        @Override
        public Optional<String> authorization() {
            String token = environment.apply(env);
            if (token == null || token.isBlank()) {
                throw new RemoteSourceException.Refused("the environment variable " + env + " holding the bearer token is not set",
                        null);
            }
            return Optional.of("Bearer " + token.trim());
        }

        @Override
        public boolean refresh() {
            return false;
        }
    }
}
