package nl.verbeterhub.state;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A Bloom filter over every identity ever kept, so that a record seen for the first time — nearly
 * every record of a first delivery — needs no lookup of an earlier version (the lookup cost more
 * than the write itself, see docs/benchmarks.md). A "maybe" falls back to the lookup, so the filter
 * is never wrong, only slower when full. Its size is fixed: memory does not grow with the records.
 */
final class IdentityFilter {

    private static final int HASHES = 5;

    private final AtomicLongArray bits;
    private final long mask;

    /** @param bytes rounded down to a power of two */
    IdentityFilter(long bytes) {
        int words = Integer.highestOneBit((int) Math.max(1, Math.min(bytes / 8, 1 << 30)));
        this.bits = new AtomicLongArray(words);
        this.mask = (long) words * 64 - 1;
    }

    void add(byte[] identity) {
        long h = hash(identity);
        for (int i = 1; i <= HASHES; i++) {
            long bit = bit(h, i);
            int word = (int) (bit >>> 6);
            long m = 1L << (bit & 63);
            long old;
            do {
                old = bits.get(word);
            } while ((old & m) == 0 && !bits.compareAndSet(word, old, old | m));
        }
    }

    /** False only when the identity was certainly never added. */
    boolean mightContain(byte[] identity) {
        long h = hash(identity);
        for (int i = 1; i <= HASHES; i++) {
            long bit = bit(h, i);
            if ((bits.get((int) (bit >>> 6)) & (1L << (bit & 63))) == 0) return false;
        }
        return true;
    }

    /** The i-th of the hash's bit positions (double hashing: h1 + i·h2). */
    private long bit(long h, int i) {
        return (h + i * ((h >>> 32) | 1)) & mask;
    }

    /**
     * Identities end in a keyed hash (the pseudonymised record id), so their last bytes are already
     * random: fold the last sixteen and finish with MurmurHash3's fmix64.
     */
    private static long hash(byte[] data) {
        long h = data.length;
        int from = Math.max(0, data.length - 16);
        for (int i = from; i < data.length; i++) {
            h = h * 31 + data[i];
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
