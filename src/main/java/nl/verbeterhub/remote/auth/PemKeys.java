package nl.verbeterhub.remote.auth;

import com.nimbusds.jose.jwk.Curve;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import nl.verbeterhub.failure.RemoteSourceException;

/**
 * Reads the PEM private key (PKCS#8, unencrypted) a SMART client signs its assertions with. Failures are
 * {@link RemoteSourceException.Refused} without a cause: the JDK's parse errors may quote key bytes.
 */
final class PemKeys {

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private PemKeys() {
    }

    /** @param algorithm {@code RS384} (an RSA key of 2048 bits or more) or {@code ES384} (an EC key on P-384) */
    static PrivateKey read(String pem, String algorithm) {
        int begin = pem.indexOf(BEGIN);
        int end = pem.indexOf(END);
        if (begin < 0 || end < begin) {
            throw refused("is not a PEM PKCS#8 private key (BEGIN PRIVATE KEY); convert it with openssl pkcs8 -topk8 -nocrypt");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end));
        } catch (IllegalArgumentException e) {
            throw refused("is not valid base64");
        }
        boolean rsa = algorithm.equals("RS384");
        PrivateKey key;
        try {
            key = KeyFactory.getInstance(rsa ? "RSA" : "EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw refused("is not an " + (rsa ? "RSA" : "EC") + " private key, as " + algorithm + " needs");
        }
        if (key instanceof RSAPrivateKey k && k.getModulus().bitLength() < 2048) throw refused("is shorter than 2048 bits");
        if (key instanceof ECPrivateKey k && !Curve.P_384.equals(Curve.forECParameterSpec(k.getParams()))) {
            throw refused("is not on the curve P-384, as ES384 needs");
        }
        return key;
    }

    private static RemoteSourceException.Refused refused(String what) {
        return new RemoteSourceException.Refused("the SMART private key " + what, null);
    }
}
