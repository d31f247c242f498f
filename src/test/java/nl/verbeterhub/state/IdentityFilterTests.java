package nl.verbeterhub.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IdentityFilterTests {

    private static byte[] identity(String prefix, int i) {
        return (prefix + ":PIJN:" + Integer.toHexString(i * 0x9E3779B1)).getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void everyAddedIdentityIsAMaybeAndFewNewOnesAre() {
        IdentityFilter filter = new IdentityFilter(1 << 20);
        for (int i = 0; i < 200_000; i++) filter.add(identity("06010099", i));
        for (int i = 0; i < 200_000; i++) {
            assertThat(filter.addAndTell(identity("06010099", i))).as("identity %d", i).isTrue();
        }
        int falseMaybes = 0;
        for (int i = 0; i < 200_000; i++) {
            if (filter.addAndTell(identity("06010098", i))) falseMaybes++;
        }
        // 1 MiB for up to 400,000 identities is 21 bits each: a false "maybe" around 1 % at most.
        assertThat(falseMaybes).isLessThan(4_000);
    }
}
