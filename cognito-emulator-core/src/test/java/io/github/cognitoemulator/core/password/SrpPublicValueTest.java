package io.github.cognitoemulator.core.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The client's SRP_A, refused by its length and digits before it is parsed, and when it is 0 mod N. */
class SrpPublicValueTest {

    private static final BigInteger LARGEST = SrpGroup.N.subtract(BigInteger.ONE);

    @Test
    void theBoundIsTheWidthOfNWithItsSignByte() {
        assertThat(SrpGroup.MAX_PUBLIC_VALUE_DIGITS).isEqualTo(770);
        assertThat(SrpGroup.padHex(LARGEST)).hasSize(SrpGroup.MAX_PUBLIC_VALUE_DIGITS);
    }

    @Test
    void everyWayAClientWritesAValueBelowNIsAccepted() {
        String unpadded = LARGEST.toString(16);

        assertThat(unpadded).hasSize(768);
        assertThat(SrpGroup.publicValue(unpadded)).isEqualTo(LARGEST);
        assertThat(SrpGroup.publicValue(SrpGroup.padHex(LARGEST))).isEqualTo(LARGEST);
        assertThat(SrpGroup.publicValue(unpadded.toUpperCase(java.util.Locale.ROOT)))
                .isEqualTo(LARGEST);
        assertThat(SrpGroup.publicValue("0".repeat(769) + "2")).isEqualTo(BigInteger.TWO);
        assertThat(SrpGroup.publicValue("1")).isEqualTo(BigInteger.ONE);
        assertThat(SrpGroup.publicValue("aBcDeF0123456789")).isEqualTo(new BigInteger("abcdef0123456789", 16));
    }

    @Test
    void oneDigitMoreThanTheBoundIsRefusedWhateverItsValue() {
        // A zero more in front leaves the value small: only the length can refuse it.
        assertThat(SrpGroup.publicValue("0".repeat(770) + "2")).isNull();
        assertThat(SrpGroup.publicValue("00" + SrpGroup.padHex(LARGEST))).isNull();
        assertThat(SrpGroup.publicValue("f".repeat(131_072))).isNull();
    }

    @Test
    void anythingButAsciiHexDigitsIsRefused() {
        assertThat(SrpGroup.publicValue("")).isNull();
        assertThat(SrpGroup.publicValue("-1")).isNull();
        assertThat(SrpGroup.publicValue("+1")).isNull();
        assertThat(SrpGroup.publicValue("0x1f")).isNull();
        assertThat(SrpGroup.publicValue("1f ")).isNull();
        assertThat(SrpGroup.publicValue("g")).isNull();
        assertThat(SrpGroup.publicValue("G1")).isNull();
        assertThat(SrpGroup.publicValue("/")).isNull();
        assertThat(SrpGroup.publicValue(":")).isNull();
        assertThat(SrpGroup.publicValue("@")).isNull();
        assertThat(SrpGroup.publicValue("`")).isNull();
        // Digits of other scripts, which BigInteger would read as 1 and 2.
        assertThat(SrpGroup.publicValue("\uFF11\uFF12")).isNull();
        assertThat(SrpGroup.publicValue("\u0661")).isNull();
    }

    @Test
    void valuesThatAreZeroModNAreRefused() {
        assertThat(SrpGroup.publicValue("0")).isNull();
        assertThat(SrpGroup.publicValue("0".repeat(770))).isNull();
        assertThat(SrpGroup.publicValue(SrpGroup.N.toString(16))).isNull();
        assertThat(SrpGroup.publicValue(SrpGroup.N.shiftLeft(1).toString(16))).isNull();
        assertThat(SrpGroup.publicValue(SrpGroup.N.add(BigInteger.ONE).toString(16)))
                .isEqualTo(SrpGroup.N.add(BigInteger.ONE));
    }
}
