package nl.verbeterhub.state;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A Bloom filter over every identity ever kept, so that a record seen for the first time — nearly
 * every record of a first delivery — needs no lookup of an earlier version (the lookup cost more
 * than the write itself, see docs/benchmarks.md). A "maybe" falls back to the lookup, so the filter
 * is never wrong, only slower when full. Its size is fixed: memory does not grow with the records.
 */
final class IdentityFilter {

    private static final int HASHES = 5;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** One block is a cache line (8 words): every bit of one identity lies in it, one miss per call. */
    private static final int BLOCK_WORDS = 8;

    private final AtomicLongArray bits;
    private final int blockMask;

    /** @param bytes rounded down to a power of two, at least one block */
    IdentityFilter(long bytes) {
        int words = Integer.highestOneBit((int) Math.max(BLOCK_WORDS, Math.min(bytes / 8, 1 << 30)));
        this.bits = new AtomicLongArray(words);
        this.blockMask = words / BLOCK_WORDS - 1;
    }

    void add(byte[] identity) {
        addAndTell(identity);
    }

    /**
     * Adds the identity and tells whether it might have been there before: one visit to its block
     * where a test and then an add would make two.
     */
    boolean addAndTell(byte[] identity) {
        long h = hash(identity);
        int block = block(h);
        boolean maybeBefore = true;
        for (int i = 0; i < HASHES; i++) {
            int bit = bit(h, i);
            int word = block + (bit >>> 6);
            long m = 1L << (bit & 63);
            long old;
            do {
                old = bits.get(word);
            } while ((old & m) == 0 && !bits.compareAndSet(word, old, old | m));
            if ((old & m) == 0) maybeBefore = false;
        }
        return maybeBefore;
    }

    /** The first word of the identity's block, from the hash re-mixed (its low bits pick the bits). */
    private int block(long h) {
        return ((int) ((h * 0x9E3779B97F4A7C15L) >>> 32) & blockMask) * BLOCK_WORDS;
    }

    /** The i-th of five 9-bit positions within the block, from the hash's lower 45 bits. */
    private static int bit(long h, int i) {
        return (int) (h >>> (9 * i)) & (BLOCK_WORDS * 64 - 1);
    }

    /**
     * Identities end in a keyed hash (the pseudonymised record id), so their last bytes are already
     * random: fold the last sixteen as two longs and finish with MurmurHash3's fmix64.
     */
    private static long hash(byte[] data) {
        long h = data.length;
        if (data.length >= 16) {
            h ^= (long) LONGS.get(data, data.length - 16) ^ Long.rotateLeft((long) LONGS.get(data, data.length - 8), 29);
        } else {
            for (byte b : data) h = h * 31 + b;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
