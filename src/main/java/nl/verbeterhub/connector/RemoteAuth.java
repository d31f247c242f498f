package nl.verbeterhub.connector;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How a FHIR source authorises its requests (connectors/README.md): not at all, with a static bearer
 * token from the environment, or with SMART Backend Services (OAuth2 client credentials with a signed
 * {@code private_key_jwt} assertion). Only names of environment variables and files are configured here.
 */
public sealed interface RemoteAuth {

    /** {@code auth: none}, and the default. */
    record None() implements RemoteAuth {
    }

    /** {@code auth: {bearerTokenEnv: NAME}}: the token is the value of that environment variable. */
    record Bearer(String tokenEnv) implements RemoteAuth {
    }

    /**
     * {@code auth: {smart: {...}}}.
     *
     * @param algorithm {@code RS384} or {@code ES384}
     * @param keyFile a PEM private key (PKCS#8) in a file, or
     * @param keyEnv the PEM in an environment variable
     * @param keyId the {@code kid} header, when the server's JWKS names keys
     * @param scope e.g. {@code system/*.rs}
     */
    record Smart(URI tokenUrl, String clientId, String algorithm, Optional<Path> keyFile, Optional<String> keyEnv,
                 Optional<String> keyId, String scope) implements RemoteAuth {
    }
}
