package io.github.cognitoemulator.core.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class SrpSessionTest {

    private static final BigInteger VERIFIER = SrpGroup.G.modPow(BigInteger.valueOf(123_456_789), SrpGroup.N);

    private static final byte[] PRIVATE_B = new byte[32];

    static {
        PRIVATE_B[31] = 7;
    }

    @Test
    void clientValueThatIsAMultipleOfNIsRefused() {
        // A = 0 (mod N) makes the session key 0 whatever the password: accepting it signs anyone in as anyone.
        assertThat(SrpSession.start(BigInteger.ZERO, VERIFIER, PRIVATE_B)).isNull();
        assertThat(SrpSession.start(SrpGroup.N, VERIFIER, PRIVATE_B)).isNull();
        assertThat(SrpSession.start(SrpGroup.N.shiftLeft(1), VERIFIER, PRIVATE_B))
                .isNull();
        assertThat(SrpSession.start(BigInteger.TWO, VERIFIER, PRIVATE_B)).isNotNull();
    }

    @Test
    void textFormShowsThePublicValueButNeverThePrivateOneOrTheVerifier() {
        SrpSession session = SrpSession.start(BigInteger.TWO, VERIFIER, PRIVATE_B);

        assertThat(session.toString())
                .isEqualTo("SrpSession[B=" + session.publicB().toString(16) + "]")
                .doesNotContain(VERIFIER.toString(16));
    }
}
