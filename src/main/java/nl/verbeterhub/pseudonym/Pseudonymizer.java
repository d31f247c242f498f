package nl.verbeterhub.pseudonym;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
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
    public static final int RECORD_KEY_BYTES = 16;
    private static final Base64.Encoder KEY_ENCODING = Base64.getUrlEncoder().withoutPadding();

    /** Per cached patient: one byte of length, the number's bytes (Latin-1), then its pseudonym. */
    private static final int SLOT = 64;
    private static final int MAX_CACHED_ID = SLOT - LENGTH - 1;

    private final Mac mac;
    /**
     * A direct-mapped cache in one flat array: the patient number and its pseudonym share a slot of
     * 64 bytes, so a lookup costs one memory access or two. An LRU map of strings cost three or four
     * dependent cache misses per row (docs/benchmarks.md). A newcomer evicts the slot's occupant.
     */
    private final byte[] cache;
    private final int slotMask;
    private String cachedAgb;
    private String prefixAgb;
    private String prefixType;
    private byte[] recordPrefix;

    public Pseudonymizer(PseudonymSecret secret, int cacheSize) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.bytes(), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
        // Twice the requested entries in slots: fewer collisions for a direct-mapped cache.
        int slots = Integer.highestOneBit(Math.max(1, Math.min(cacheSize, 1 << 22))) * 2;
        cache = new byte[slots * SLOT];
        slotMask = slots - 1;
    }

    /** The 32-byte pseudonym of a patient number of this hospital. */
    public byte[] patient(String agb, String patientId) {
        if (!agb.equals(cachedAgb)) {
            Arrays.fill(cache, (byte) 0);
            cachedAgb = agb;
        }
        int length = patientId.length();
        if (length == 0 || length > MAX_CACHED_ID) {
            return hmac(agb + ":" + patientId);
        }
        int h = patientId.hashCode();
        int at = ((h ^ (h >>> 15)) & slotMask) * SLOT;
        if (cache[at] == length && sameId(at + 1, patientId)) {
            return Arrays.copyOfRange(cache, at + 1 + MAX_CACHED_ID, at + SLOT);
        }
        byte[] pseudonym = hmac(agb + ":" + patientId);
        cache[at] = 0;
        for (int i = 0; i < length; i++) {
            char c = patientId.charAt(i);
            if (c > 0xff) return pseudonym; // not Latin-1: not cached
            cache[at + 1 + i] = (byte) c;
        }
        System.arraycopy(pseudonym, 0, cache, at + 1 + MAX_CACHED_ID, LENGTH);
        cache[at] = (byte) length;
        return pseudonym;
    }

    private boolean sameId(int from, String id) {
        for (int i = 0; i < id.length(); i++) {
            if ((cache[from + i] & 0xff) != id.charAt(i)) return false;
        }
        return true;
    }

    /**
     * The pseudonym of a record id as used in state keys: the first {@value #RECORD_KEY_BYTES} bytes of
     * its HMAC, URL-safe Base64 (22 characters). 128 bits keep a collision below 1 in 10^20 for 10^9
     * records of one hospital, and make every key on the record topic and in the store shorter.
     */
    public String recordKey(String agb, String recordType, String recordId) {
        if (!agb.equals(prefixAgb) || !recordType.equals(prefixType)) {
            prefixAgb = agb;
            prefixType = recordType;
            recordPrefix = ("record:" + agb + ":" + recordType + ":").getBytes(StandardCharsets.UTF_8);
        }
        // The same HMAC input as one string would be, without building it for every record.
        mac.update(recordPrefix);
        byte[] full = mac.doFinal(recordId.getBytes(StandardCharsets.UTF_8));
        return KEY_ENCODING.encodeToString(Arrays.copyOf(full, RECORD_KEY_BYTES));
    }

    private byte[] hmac(String input) {
        return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
    }
}
