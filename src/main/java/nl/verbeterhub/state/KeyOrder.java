package nl.verbeterhub.state;

import java.util.Arrays;

/**
 * Sorts byte keys in unsigned order, stably, for the store's sorted writes. Comparing byte arrays
 * in a general sort cost as much as the inserts it saved; here eight bytes after the batch's common
 * prefix and the original position are packed into one long each and sorted as primitives; only
 * keys that tie on those bytes are compared in full.
 */
final class KeyOrder {

    private KeyOrder() {
    }

    /** The positions of {@code keys} in ascending key order; equal keys keep their original order. */
    static int[] of(byte[][] keys) {
        int n = keys.length;
        int[] order = new int[n];
        if (n < 2) return n == 1 ? new int[] {0} : order;
        int common = keys[0].length;
        for (int i = 1; i < n; i++) {
            int m = Arrays.mismatch(keys[0], 0, common, keys[i], 0, Math.min(common, keys[i].length));
            if (m >= 0) common = m;
            else common = Math.min(common, keys[i].length);
        }
        int positionBits = 32 - Integer.numberOfLeadingZeros(n - 1);
        long positionMask = (1L << positionBits) - 1;
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            long head = eightBytes(keys[i], common) >>> positionBits << positionBits;
            packed[i] = (head | i) ^ Long.MIN_VALUE; // signed order of the result is unsigned order of head
        }
        Arrays.sort(packed);
        for (int j = 0; j < n; j++) order[j] = (int) ((packed[j] ^ Long.MIN_VALUE) & positionMask);
        // Keys tying on the packed bytes sit next to each other: order them in full (insertion sort,
        // stable, cheap because such runs are short).
        for (int j = 1; j < n; j++) {
            if (((packed[j] ^ packed[j - 1]) & ~positionMask) != 0) continue;
            int moving = order[j];
            int k = j - 1;
            while (k >= 0 && ((packed[k] ^ packed[j]) & ~positionMask) == 0
                    && Arrays.compareUnsigned(keys[order[k]], keys[moving]) > 0) {
                order[k + 1] = order[k];
                k--;
            }
            order[k + 1] = moving;
        }
        return order;
    }

    /** The eight bytes of {@code key} from {@code from}, big-endian, zero-padded past its end. */
    private static long eightBytes(byte[] key, int from) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            int at = from + i;
            v = (v << 8) | (at < key.length ? key[at] & 0xff : 0);
        }
        return v;
    }
}
