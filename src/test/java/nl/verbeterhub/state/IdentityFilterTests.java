package nl.verbeterhub.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IdentityFilterTests {

    private static byte[] identity(String prefix, int i) {
        return (prefix + ":PIJN:" + Integer.toHexString(i * 0x9E3779B1)).getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void everyAddedIdentityIsAMaybeAndFewOthersAre() {
        IdentityFilter filter = new IdentityFilter(1 << 20);
        for (int i = 0; i < 200_000; i++) filter.add(identity("06010099", i));
        for (int i = 0; i < 200_000; i++) {
            assertThat(filter.mightContain(identity("06010099", i))).as("identity %d", i).isTrue();
        }
        int falseMaybes = 0;
        for (int i = 0; i < 200_000; i++) {
            if (filter.mightContain(identity("06010098", i))) falseMaybes++;
        }
        // 1 MiB for 200,000 identities is 42 bits each: a false "maybe" well below 1 %.
        assertThat(falseMaybes).isLessThan(2_000);
    }
}
