package nl.verbeterhub.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesTests {

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "ja", "Ja", "j", "yes", "y", "1", "waar", "WAAR"})
    void trueInDutchAndEnglish(String s) {
        assertThat(Values.parseBoolean(s)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "nee", "N", "no", "n", "0", "onwaar"})
    void falseInDutchAndEnglish(String s) {
        assertThat(Values.parseBoolean(s)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "jawel", "t", "f", "-", "nein"})
    void otherBooleansAreUnparsable(String s) {
        assertThat(Values.parseBoolean(s)).isNull();
    }

    @Test
    void wholeNumbersAcceptATrailingZeroFraction() {
        assertThat(Values.parseWhole("4")).isEqualTo(4L);
        assertThat(Values.parseWhole("4.0")).isEqualTo(4L);
        assertThat(Values.parseWhole("4,0")).isEqualTo(4L);
        assertThat(Values.parseWhole("-1")).isEqualTo(-1L);
        assertThat(Values.parseWhole("4.5")).isNull();
        assertThat(Values.parseWhole("4,")).isNull();
        assertThat(Values.parseWhole("1e1")).isNull();
        assertThat(Values.parseWhole("vier")).isNull();
        assertThat(Values.parseWhole("99999999999999999999")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void decimalsTakeCommaOrPoint() {
        assertThat(Values.parseDecimal("39,5")).isEqualByComparingTo(new BigDecimal("39.5"));
        assertThat(Values.parseDecimal("39.50")).isEqualByComparingTo(new BigDecimal("39.5"));
        assertThat(Values.parseDecimal(".5")).isNull();
        assertThat(Values.parseDecimal("1.000,5")).isNull();
        assertThat(Values.parseDecimal("1" + "0".repeat(Values.MAX_NUMBER_LENGTH))).isNull();
    }
}
