package io.github.cognitoemulator.core.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    /** The SHA-1 seed of RFC 6238's test vectors, and of RFC 4226's. */
    private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    private static final String SEED_BASE32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @ParameterizedTest
    @CsvSource({
        "59, 94287082",
        "1111111109, 07081804",
        "1111111111, 14050471",
        "1234567890, 89005924",
        "2000000000, 69279037",
        "20000000000, 65353130"
    })
    void rfc6238Sha1Vectors(long epochSecond, String expected) {
        long step = Totp.step(Instant.ofEpochSecond(epochSecond));

        assertThat(Totp.code(SEED, step, 8)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "0, 755224", "1, 287082", "2, 359152", "3, 969429", "4, 338314",
        "5, 254676", "6, 287922", "7, 162583", "8, 399871", "9, 520489"
    })
    void rfc4226Vectors(long counter, String expected) {
        assertThat(Totp.code(SEED, counter, 6)).isEqualTo(expected);
    }

    @Test
    void stepsAreThirtySecondsFromTheEpoch() {
        assertThat(Totp.step(Instant.ofEpochSecond(0))).isEqualTo(0);
        assertThat(Totp.step(Instant.ofEpochSecond(29))).isEqualTo(0);
        assertThat(Totp.step(Instant.ofEpochSecond(30))).isEqualTo(1);
        assertThat(Totp.step(Instant.ofEpochSecond(59, 999_999_999))).isEqualTo(1);
        assertThat(Totp.step(Instant.ofEpochSecond(-1))).isEqualTo(-1);
        assertThat(Totp.STEP_SECONDS).isEqualTo(30);
        assertThat(Totp.DIGITS).isEqualTo(6);
    }

    @Test
    void secretsAreUnpaddedBase32OfThirtyTwoBytes() {
        String secret = Totp.encode(new byte[Totp.SECRET_BYTES]);

        assertThat(secret).hasSize(52).matches("A+");
        assertThat(Totp.encode(SEED)).isEqualTo(SEED_BASE32);
        assertThat(Totp.encode(new byte[] {1})).isEqualTo("AE");
    }

    @Test
    void secretsDecodeInEitherCaseWithOrWithoutPadding() {
        assertThat(Totp.decode(SEED_BASE32)).isEqualTo(SEED);
        assertThat(Totp.decode(SEED_BASE32.toLowerCase())).isEqualTo(SEED);
        assertThat(Totp.decode("AE")).isEqualTo(new byte[] {1});
        assertThat(Totp.decode("AE======")).isEqualTo(new byte[] {1});
        assertThatThrownBy(() -> Totp.decode("1!")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCodeOfTheStepBeforeOrAfterIsAcceptedButNotTwoAway() {
        Instant now = Instant.ofEpochSecond(1_700_000_015);
        long step = Totp.step(now);

        assertThat(Totp.match(SEED_BASE32, Totp.code(SEED, step, 6), now)).isEqualTo(OptionalLong.of(step));
        assertThat(Totp.match(SEED_BASE32, Totp.code(SEED, step - 1, 6), now)).isEqualTo(OptionalLong.of(step - 1));
        assertThat(Totp.match(SEED_BASE32, Totp.code(SEED, step + 1, 6), now)).isEqualTo(OptionalLong.of(step + 1));
        assertThat(Totp.match(SEED_BASE32, Totp.code(SEED, step - 2, 6), now)).isEmpty();
        assertThat(Totp.match(SEED_BASE32, Totp.code(SEED, step + 2, 6), now)).isEmpty();
        assertThat(Totp.TOLERANCE).isEqualTo(1);
    }

    @Test
    void codesAreZeroPadded() {
        // Step 1's eight-digit code starts with a zero at 1111111109 (07081804): its six-digit code is 081804.
        assertThat(Totp.code(SEED, Totp.step(Instant.ofEpochSecond(1111111109)), 6))
                .isEqualTo("081804");
    }
}
