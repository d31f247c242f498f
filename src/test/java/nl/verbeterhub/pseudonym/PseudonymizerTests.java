package nl.verbeterhub.pseudonym;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PseudonymizerTests {

    private static final String SECRET = "tests-secret-0123456789";

    private static byte[] hmac(String input) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPatientIsTheHmacOfAgbColonIdWhetherCachedOrEvicted() throws Exception {
        // Four slots only: most lookups below collide and evict, so the cache's answers are checked too.
        Pseudonymizer pseudonyms = new Pseudonymizer(PseudonymSecret.of(SECRET), 2);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 50; i++) {
                String hex = HexFormat.of().formatHex(pseudonyms.patient("06010099", "P" + i));
                assertThat(hex).isEqualTo(HexFormat.of().formatHex(hmac("06010099:P" + i)));
            }
        }
    }

    @Test
    void longAndNonLatinNumbersArePseudonymisedAlikeUncached() throws Exception {
        Pseudonymizer pseudonyms = new Pseudonymizer(PseudonymSecret.of(SECRET), 16);
        String longId = "X".repeat(40);
        String nonLatin = "Ω-42";
        for (int round = 0; round < 2; round++) {
            assertThat(pseudonyms.patient("06010099", longId)).isEqualTo(hmac("06010099:" + longId));
            assertThat(pseudonyms.patient("06010099", nonLatin)).isEqualTo(hmac("06010099:" + nonLatin));
        }
    }

    @Test
    void theSamePatientNumberInAnotherHospitalIsAnotherPseudonym() {
        Pseudonymizer pseudonyms = new Pseudonymizer(PseudonymSecret.of(SECRET), 1024);
        byte[] first = pseudonyms.patient("06010099", "12345");
        assertThat(pseudonyms.patient("06010098", "12345")).isNotEqualTo(first);
        assertThat(pseudonyms.patient("06010099", "12345")).isEqualTo(first);
    }

    @Test
    void aRecordKeyIsTheFirst128BitsOfItsHmacIn22UrlSafeCharacters() throws Exception {
        String key = new Pseudonymizer(PseudonymSecret.of(SECRET), 16).recordKey("06010099", "PIJN", "M-1");
        assertThat(key).hasSize(22).matches("[A-Za-z0-9_-]+");
        byte[] full = hmac("record:06010099:PIJN:M-1");
        assertThat(java.util.Base64.getUrlDecoder().decode(key)).isEqualTo(java.util.Arrays.copyOf(full, 16));
    }
}
