package io.github.cognitoemulator.core.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.cognitoemulator.core.MutableClock;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.store.EmulatorStoreContract;
import io.github.cognitoemulator.core.store.memory.InMemoryStore;
import io.github.cognitoemulator.core.support.Ids;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Codes whose state changes between the moment an attempt reads it and the moment the attempt is counted or the code
 * taken, as when two requests race. The store lets a test run another request in that gap, so every interleaving is
 * checked deterministically.
 */
class InterleavedCodeAttemptsTest {

    private static final String POOL = "us-east-1_AbCdEfGhI";

    private static final String SUB = "118b5540-b031-701d-5230-a1863ad04e8c";

    private static final String EXPIRED = "ExpiredCodeException: Invalid code provided, please request a code again.";

    private final MutableClock clock = new MutableClock(SignInFixture.START);

    private final InMemoryStore memory = new InMemoryStore();

    private final InterleavingStore store = new InterleavingStore(this.memory.codes());

    private final VerificationCodes codes;

    InterleavedCodeAttemptsTest() {
        this.memory.pools().create(EmulatorStoreContract.pool(POOL));
        this.codes = new VerificationCodes(
                this.store, new CodeAttempts(this.memory.resources(), this.clock), this.clock, new Ids(new Random(11)));
    }

    private static String error(ThrowingCallable call) {
        CognitoException error = catchThrowableOfType(CognitoException.class, call);
        assertThat(error).as("expected a Cognito error").isNotNull();
        return error.type().wireName() + ": " + error.getMessage();
    }

    @Test
    void supersededCodeIsExpiredNotAMismatch() {
        String old = this.codes.issue(POOL, SUB, CodePurpose.SIGN_UP);
        String current = this.codes.issue(POOL, SUB, CodePurpose.SIGN_UP);
        assertThat(current).as("the seeded codes differ").isNotEqualTo(old);

        assertThat(error(() -> this.codes.consume(POOL, SUB, CodePurpose.SIGN_UP, old)))
                .isEqualTo(EXPIRED);
        this.codes.consume(POOL, SUB, CodePurpose.SIGN_UP, current);
    }

    @Test
    void rightCodeTakenByAConcurrentRequestWorksOnlyOnce() {
        String code = this.codes.issue(POOL, SUB, CodePurpose.SIGN_UP);
        this.store.beforeTake = () -> this.codes.consume(POOL, SUB, CodePurpose.SIGN_UP, code);

        assertThat(error(() -> this.codes.consume(POOL, SUB, CodePurpose.SIGN_UP, code)))
                .isEqualTo(EXPIRED);
    }

    @Test
    void rightCodeReplacedMeanwhileIsExpired() {
        String code = this.codes.issue(POOL, SUB, CodePurpose.SIGN_UP);
        this.store.beforeTake = () -> this.codes.issue(POOL, SUB, CodePurpose.SIGN_UP);

        assertThat(error(() -> this.codes.consume(POOL, SUB, CodePurpose.SIGN_UP, code)))
                .isEqualTo(EXPIRED);
    }

    @Test
    void aPendingCodesDescriptionShowsNoCode() {
        CodeStore.PendingCode pending = new CodeStore.PendingCode(
                POOL, SUB, CodePurpose.FORGOT_PASSWORD, "123456", SignInFixture.START, 2, List.of("654321"));

        assertThat(pending.toString())
                .startsWith("PendingCode[userPoolId=" + POOL + ", sub=" + SUB + ", purpose=FORGOT_PASSWORD, code=")
                .endsWith(", expiresAt=" + SignInFixture.START + ", failedAttempts=2, superseded=1]")
                .doesNotContain("123456", "654321");
    }

    /** A code store that runs another request once, just before the next count of a failure or take of a code. */
    private static final class InterleavingStore implements CodeStore {

        private final CodeStore delegate;

        Runnable beforeCountFailure;

        Runnable beforeTake;

        InterleavingStore(CodeStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public void put(PendingCode code) {
            this.delegate.put(code);
        }

        @Override
        public Optional<PendingCode> find(String userPoolId, String sub, CodePurpose purpose) {
            return this.delegate.find(userPoolId, sub, purpose);
        }

        @Override
        public boolean countFailure(
                String userPoolId, String sub, CodePurpose purpose, String code, int maxFailedAttempts) {
            Runnable interleaved = this.beforeCountFailure;
            this.beforeCountFailure = null;
            if (interleaved != null) {
                interleaved.run();
            }
            return this.delegate.countFailure(userPoolId, sub, purpose, code, maxFailedAttempts);
        }

        @Override
        public boolean take(String userPoolId, String sub, CodePurpose purpose, String code, int maxFailedAttempts) {
            Runnable interleaved = this.beforeTake;
            this.beforeTake = null;
            if (interleaved != null) {
                interleaved.run();
            }
            return this.delegate.take(userPoolId, sub, purpose, code, maxFailedAttempts);
        }
    }
}
