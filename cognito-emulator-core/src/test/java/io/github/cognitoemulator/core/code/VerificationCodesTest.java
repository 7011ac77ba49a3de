package io.github.cognitoemulator.core.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.cognitoemulator.core.MutableClock;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.store.EmulatorStoreContract;
import io.github.cognitoemulator.core.store.memory.InMemoryStore;
import io.github.cognitoemulator.core.support.Ids;
import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class VerificationCodesTest {

    private static final String POOL = "us-east-1_AbCdEfGhI";

    private static final String SUB = "118b5540-b031-701d-5230-a1863ad04e8c";

    private static final String MISMATCH =
            "CodeMismatchException: Invalid verification code provided, please try again.";

    private static final String EXPIRED = "ExpiredCodeException: Invalid code provided, please request a code again.";

    private static final String LIMIT = "LimitExceededException: Attempt limit exceeded, please try after some time.";

    private final MutableClock clock = new MutableClock(SignInFixture.START);

    private final InMemoryStore store = new InMemoryStore();

    private final VerificationCodes codes;

    VerificationCodesTest() {
        this.store.pools().create(EmulatorStoreContract.pool(POOL));
        this.codes = new VerificationCodes(
                this.store.codes(),
                new CodeAttempts(this.store.resources(), this.clock),
                this.clock,
                new Ids(new Random(7)));
    }

    private static String error(ThrowingCallable call) {
        CognitoException error = catchThrowableOfType(CognitoException.class, call);
        assertThat(error).as("expected a Cognito error").isNotNull();
        return error.type().wireName() + ": " + error.getMessage();
    }

    private static String wrong(String code) {
        return (code.charAt(0) == '9' ? "0" : String.valueOf((char) (code.charAt(0) + 1))) + code.substring(1);
    }

    @Test
    void codesAreSixDecimalDigits() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String code = this.codes.issue(POOL, SUB + i, CodePurpose.SIGN_UP);
            assertThat(code).matches("[0-9]{6}");
            seen.add(code);
        }
        assertThat(seen).hasSizeGreaterThan(190);
    }

    @Test
    void rightCodeIsAcceptedOnce() {
        String code = this.codes.issue(POOL, SUB, CodePurpose.SIGN_UP);

        this.codes.consume(POOL, SUB, CodePurpose.SIGN_UP, code);

        assertThat(error(() -> this.codes.consume(POOL, SUB, CodePurpose.SIGN_UP, code)))
                .isEqualTo(EXPIRED);
    }

    @Test
    void wrongCodeIsAMismatchAndLeavesTheRightOneUsable() {
        String code = this.codes.issue(POOL, SUB, CodePurpose.SIGN_UP);

        assertThat(error(() -> this.codes.consume(POOL, SUB, CodePurpose.SIGN_UP, wrong(code))))
                .isEqualTo(MISMATCH);
        this.codes.consume(POOL, SUB, CodePurpose.SIGN_UP, code);
    }

    @Test
    void signUpAndAttributeCodesLiveTwentyFourHours() {
        for (CodePurpose purpose : new CodePurpose[] {CodePurpose.SIGN_UP, CodePurpose.ATTRIBUTE_VERIFICATION}) {
            String kept = this.codes.issue(POOL, SUB, purpose);
            this.clock.advance(Duration.ofHours(24).minusSeconds(1));
            this.codes.consume(POOL, SUB, purpose, kept);

            String late = this.codes.issue(POOL, SUB, purpose);
            this.clock.advance(Duration.ofHours(24));
            assertThat(error(() -> this.codes.consume(POOL, SUB, purpose, late)))
                    .as(purpose.name())
                    .isEqualTo(EXPIRED);
        }
    }

    @Test
    void forgotPasswordCodesLiveOneHour() {
        String kept = this.codes.issue(POOL, SUB, CodePurpose.FORGOT_PASSWORD);
        this.clock.advance(Duration.ofHours(1).minusSeconds(1));
        this.codes.consume(POOL, SUB, CodePurpose.FORGOT_PASSWORD, kept);

        String late = this.codes.issue(POOL, SUB, CodePurpose.FORGOT_PASSWORD);
        this.clock.advance(Duration.ofHours(1));

        assertThat(error(() -> this.codes.consume(POOL, SUB, CodePurpose.FORGOT_PASSWORD, late)))
                .isEqualTo(EXPIRED);
    }

    @Test
    void newCodeReplacesTheOldOne() {
        String old = this.codes.issue(POOL, SUB, CodePurpose.SIGN_UP);
        String current = this.codes.issue(POOL, SUB, CodePurpose.SIGN_UP);

        if (!old.equals(current)) {
            assertThat(error(() -> this.codes.consume(POOL, SUB, CodePurpose.SIGN_UP, old)))
                    .isIn(EXPIRED, MISMATCH);
        }
        this.codes.consume(POOL, SUB, CodePurpose.SIGN_UP, current);
    }

    @Test
    void wrongAttemptsAreLimitedPerUserNotPerCode() {
        String code = this.codes.issue(POOL, SUB, CodePurpose.FORGOT_PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertThat(error(() -> this.codes.consume(POOL, SUB, CodePurpose.FORGOT_PASSWORD, wrong(code))))
                    .as("attempt %d", i + 1)
                    .isEqualTo(MISMATCH);
        }

        String fresh = this.codes.issue(POOL, SUB, CodePurpose.FORGOT_PASSWORD);

        assertThat(error(() -> this.codes.consume(POOL, SUB, CodePurpose.FORGOT_PASSWORD, fresh)))
                .isEqualTo(LIMIT);
    }

    @Test
    void codeOfOnePurposeDoesNotServeAnother() {
        String signUp = this.codes.issue(POOL, SUB, CodePurpose.SIGN_UP);

        assertThat(error(() -> this.codes.consume(POOL, SUB, CodePurpose.FORGOT_PASSWORD, signUp)))
                .isEqualTo(EXPIRED);
        this.codes.consume(POOL, SUB, CodePurpose.SIGN_UP, signUp);
    }

    @Test
    void codeOfOneUserDoesNotServeAnother() {
        String code = this.codes.issue(POOL, SUB, CodePurpose.SIGN_UP);
        String other = "308c397c-d041-7004-1f15-8453c33428eb";
        this.codes.issue(POOL, other, CodePurpose.SIGN_UP);

        if (!code.equals(this.codes.issue(POOL, other, CodePurpose.SIGN_UP))) {
            assertThat(error(() -> this.codes.consume(POOL, other, CodePurpose.SIGN_UP, code)))
                    .isEqualTo(MISMATCH);
        }
        assertThat(error(() -> this.codes.consume("us-east-1_Other0000", SUB, CodePurpose.SIGN_UP, code)))
                .isEqualTo(EXPIRED);
        this.codes.consume(POOL, SUB, CodePurpose.SIGN_UP, code);
    }

    @Test
    void codeNeverIssuedIsExpired() {
        assertThat(error(() -> this.codes.consume(POOL, SUB, CodePurpose.SIGN_UP, "123456")))
                .isEqualTo(EXPIRED);
    }
}
