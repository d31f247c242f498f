package nl.verbeterhub.pseudonym;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces identifiers by keyed hashes at ingest (domain.md §5): a patient number becomes
 * {@code HMAC-SHA256(secret, agb + ":" + id)}; a record id, which may embed a patient number, becomes
 * {@code HMAC-SHA256(secret, "record:" + agb + ":" + type + ":" + id)} so that the two never coincide.
 *
 * <p>Not thread-safe: one instance per extract being processed. Patients repeat within an extract, so a
 * bounded cache of patient pseudonyms removes most of the hashing cost.
 */
public final class Pseudonymizer {

    public static final int LENGTH = 32;
    private static final Base64.Encoder KEY_ENCODING = Base64.getUrlEncoder().withoutPadding();

    private final Mac mac;
    private final Map<String, byte[]> patientCache;

    public Pseudonymizer(PseudonymSecret secret, int cacheSize) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.bytes(), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
        patientCache = new LinkedHashMap<>(Math.min(cacheSize, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
                return size() > cacheSize;
            }
        };
    }

    /** The 32-byte pseudonym of a patient number of this hospital. */
    public byte[] patient(String agb, String patientId) {
        String input = agb + ":" + patientId;
        byte[] cached = patientCache.get(input);
        if (cached == null) {
            cached = hmac(input);
            patientCache.put(input, cached);
        }
        return cached;
    }

    /** The pseudonym of a record id as used in state keys (URL-safe Base64, 43 characters). */
    public String recordKey(String agb, String recordType, String recordId) {
        return KEY_ENCODING.encodeToString(hmac("record:" + agb + ":" + recordType + ":" + recordId));
    }

    private byte[] hmac(String input) {
        return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
    }
}
