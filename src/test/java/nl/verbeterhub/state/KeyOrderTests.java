package nl.verbeterhub.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KeyOrderTests {

    /** What KeyOrder must agree with: a stable sort by unsigned bytes. */
    private static int[] expected(byte[][] keys) {
        return IntStream.range(0, keys.length).boxed()
                .sorted(Comparator.comparing((Integer i) -> keys[i], Arrays::compareUnsigned))
                .mapToInt(Integer::intValue).toArray();
    }

    @Test
    void ordersLikeAStableUnsignedByteSort() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(3_000);
            byte[][] keys = new byte[n][];
            for (int i = 0; i < n; i++) {
                // A shared head, then few distinct bytes: many ties on the packed bytes, prefixes of one
                // another, bytes above 0x7f, and duplicates.
                byte[] key = new byte[3 + random.nextInt(14)];
                key[0] = 'I';
                key[1] = 6;
                for (int b = 2; b < key.length; b++) key[b] = (byte) (random.nextBoolean() ? 0 : 0xf0 + random.nextInt(3));
                keys[i] = key;
            }
            assertThat(KeyOrder.of(keys)).as("round %d", round).containsExactly(expected(keys));
        }
    }

    @Test
    void emptyAndSingle() {
        assertThat(KeyOrder.of(new byte[0][])).isEmpty();
        assertThat(KeyOrder.of(new byte[][] {{1}})).containsExactly(0);
    }
}
