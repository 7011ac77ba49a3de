package io.github.cognitoemulator.core.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SrpGroupTest {

    @Test
    void multiplierIsTheOneCognitoClientsUse() {
        assertThat(SrpGroup.K.toString(16))
                .isEqualTo("538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6");
    }

    @Test
    void groupIsTheRfc3526PrimeOf3072BitsWithGeneratorTwo() {
        // Every RFC 3526 MODP prime starts and ends with 64 one bits.
        String hex = SrpGroup.N.toString(16);
        assertThat(SrpGroup.N.bitLength()).isEqualTo(3072);
        assertThat(hex).startsWith("ffffffffffffffffc90fdaa22168c234").endsWith("a93ad2caffffffffffffffff");
        assertThat(SrpGroup.G).isEqualTo(BigInteger.TWO);
    }

    @Test
    void oddLengthHexGetsALeadingZero() {
        assertThat(SrpGroup.padHex(BigInteger.ONE)).isEqualTo("01");
        assertThat(SrpGroup.padHex(new BigInteger("abc", 16))).isEqualTo("0abc");
        assertThat(SrpGroup.padHex(new BigInteger("fff", 16))).isEqualTo("0fff");
    }

    @Test
    void hexWhoseFirstNibbleReadsAsASignBitGetsALeadingDoubleZero() {
        assertThat(SrpGroup.padHex(new BigInteger("80", 16))).isEqualTo("0080");
        assertThat(SrpGroup.padHex(new BigInteger("ff01", 16))).isEqualTo("00ff01");
        assertThat(SrpGroup.padHex(SrpGroup.N)).startsWith("00ffffffff").hasSize(770);
    }

    @Test
    void evenLengthHexWithALowFirstNibbleIsUnchanged() {
        assertThat(SrpGroup.padHex(new BigInteger("7f", 16))).isEqualTo("7f");
        assertThat(SrpGroup.padHex(new BigInteger("10", 16))).isEqualTo("10");
        assertThat(SrpGroup.padHex(new BigInteger("7fffffff", 16))).isEqualTo("7fffffff");
    }

    @Test
    void sha256MatchesTheStandardTestVector() {
        assertThat(HexFormat.of().formatHex(SrpGroup.sha256("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void privateKeyHashesThePaddedSaltWithTheHexOfTheIdentityHash() {
        BigInteger salt = new BigInteger("8f", 16);
        String identity =
                HexFormat.of().formatHex(SrpGroup.sha256("AbC123xyZalice:Passw0rd!".getBytes(StandardCharsets.UTF_8)));
        BigInteger expected = new BigInteger(1, SrpGroup.sha256(HexFormat.of().parseHex("008f" + identity)));

        assertThat(SrpGroup.privateKey("AbC123xyZ", "alice", "Passw0rd!", salt)).isEqualTo(expected);
    }
}
