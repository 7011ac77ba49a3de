package io.github.cognitoemulator.core.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.cognitoemulator.core.MutableClock;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.store.EmulatorStoreContract;
import io.github.cognitoemulator.core.store.PausingStore;
import io.github.cognitoemulator.core.store.Resource;
import io.github.cognitoemulator.core.store.ResourceChange;
import io.github.cognitoemulator.core.store.ResourceKind;
import io.github.cognitoemulator.core.store.ResourceStore;
import io.github.cognitoemulator.core.store.jdbc.JdbcStore;
import io.github.cognitoemulator.core.store.memory.InMemoryStore;
import io.github.cognitoemulator.core.support.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Attempt limits per user and operation over a rolling hour. The numbers come from the Cognito Developer Guide:
 * "Quotas in Amazon Cognito" (per-user quotas: ResendConfirmationCode 5, ConfirmSignUp 15,
 * GetUserAttributeVerificationCode 5, VerifyUserAttribute 15 an hour) and "Recovering user accounts" ("In a given hour,
 * we allow between 5 and 20 attempts for a user to request or enter a password reset code"), of which the strict end
 * is taken. Users report the LimitExceededException that follows on ForgotPassword after five requests
 * (amazon-archives/amazon-cognito-identity-js#548), on ResendConfirmationCode (aws/aws-sdk-net#2011) and on
 * ConfirmForgotPassword after five wrong codes (aws-amplify/amplify-ui-android#180).
 */
class CodeAttemptsTest {

    private static final String POOL = "us-east-1_AbCdEfGhI";

    private static final String SUB = "118b5540-b031-701d-5230-a1863ad04e8c";

    private static final String OTHER_SUB = "308c397c-d041-7004-1f15-8453c33428eb";

    private static final String MISMATCH =
            "CodeMismatchException: Invalid verification code provided, please try again.";

    private static final String LIMIT = "LimitExceededException: Attempt limit exceeded, please try after some time.";

    private final MutableClock clock = new MutableClock(SignInFixture.START);

    private final InMemoryStore store = new InMemoryStore();

    private final CodeAttempts attempts;

    private final VerificationCodes codes;

    CodeAttemptsTest() {
        this.store.pools().create(EmulatorStoreContract.pool(POOL));
        this.attempts = new CodeAttempts(this.store.resources(), this.clock);
        this.codes = new VerificationCodes(this.store.codes(), this.attempts, this.clock, new Ids(new Random(3)));
    }

    private static String error(ThrowingCallable call) {
        CognitoException error = catchThrowableOfType(CognitoException.class, call);
        assertThat(error).as("expected a Cognito error").isNotNull();
        return error.type().wireName() + ": " + error.getMessage();
    }

    private static String wrong(String code) {
        return (code.charAt(0) == '9' ? "0" : String.valueOf((char) (code.charAt(0) + 1))) + code.substring(1);
    }

    private void guessWrong(String sub, CodePurpose purpose, String code, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(error(() -> this.codes.consume(POOL, sub, purpose, wrong(code))))
                    .as("wrong attempt %d", i + 1)
                    .isEqualTo(MISMATCH);
        }
    }

    private List<Instant> recorded(String sub, CodeOperation operation) {
        return this.store
                .resources()
                .find(CodeAttempts.KIND, POOL + "/" + sub + "/" + operation.name())
                .map((record) -> record.value().at())
                .orElse(List.of());
    }

    @Test
    void limitsAreCognitosPerUserQuotas() {
        assertThat(CodeOperation.RESEND_CONFIRMATION_CODE.limit()).isEqualTo(5);
        assertThat(CodeOperation.FORGOT_PASSWORD.limit()).isEqualTo(5);
        assertThat(CodeOperation.GET_USER_ATTRIBUTE_VERIFICATION_CODE.limit()).isEqualTo(5);
        assertThat(CodeOperation.CONFIRM_SIGN_UP.limit()).isEqualTo(15);
        assertThat(CodeOperation.CONFIRM_FORGOT_PASSWORD.limit()).isEqualTo(5);
        assertThat(CodeOperation.VERIFY_USER_ATTRIBUTE.limit()).isEqualTo(15);
        assertThat(CodeAttempts.WINDOW).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void eachPurposeIsCheckedByItsOperation() {
        assertThat(CodeOperation.checking(CodePurpose.SIGN_UP)).isEqualTo(CodeOperation.CONFIRM_SIGN_UP);
        assertThat(CodeOperation.checking(CodePurpose.FORGOT_PASSWORD))
                .isEqualTo(CodeOperation.CONFIRM_FORGOT_PASSWORD);
        assertThat(CodeOperation.checking(CodePurpose.ATTRIBUTE_VERIFICATION))
                .isEqualTo(CodeOperation.VERIFY_USER_ATTRIBUTE);
    }

    @Test
    void theFifteenthWrongSignUpCodeIsAMismatchAndTheSixteenthAttemptIsRefused() {
        String code = this.codes.issue(POOL, SUB, CodePurpose.SIGN_UP);

        guessWrong(SUB, CodePurpose.SIGN_UP, code, 15);

        assertThat(error(() -> this.codes.consume(POOL, SUB, CodePurpose.SIGN_UP, wrong(code))))
                .isEqualTo(LIMIT);
        // Even the right code: a user at the limit learns nothing more.
        assertThat(error(() -> this.codes.consume(POOL, SUB, CodePurpose.SIGN_UP, code)))
                .isEqualTo(LIMIT);
        assertThat(recorded(SUB, CodeOperation.CONFIRM_SIGN_UP)).hasSize(15);
    }

    @Test
    void theFifthWrongPasswordResetCodeIsAMismatchAndTheSixthAttemptIsRefused() {
        String code = this.codes.issue(POOL, SUB, CodePurpose.FORGOT_PASSWORD);

        guessWrong(SUB, CodePurpose.FORGOT_PASSWORD, code, 5);

        assertThat(error(() -> this.codes.consume(POOL, SUB, CodePurpose.FORGOT_PASSWORD, code)))
                .isEqualTo(LIMIT);
    }

    @Test
    void theFifteenthWrongAttributeCodeIsAMismatchAndTheSixteenthAttemptIsRefused() {
        String code = this.codes.issue(POOL, SUB, CodePurpose.ATTRIBUTE_VERIFICATION);

        guessWrong(SUB, CodePurpose.ATTRIBUTE_VERIFICATION, code, 15);

        assertThat(error(() -> this.codes.consume(POOL, SUB, CodePurpose.ATTRIBUTE_VERIFICATION, code)))
                .isEqualTo(LIMIT);
    }

    @Test
    void aRightCodeBelowTheLimitIsAcceptedAndCountsNothing() {
        String code = this.codes.issue(POOL, SUB, CodePurpose.FORGOT_PASSWORD);
        guessWrong(SUB, CodePurpose.FORGOT_PASSWORD, code, 4);

        this.codes.consume(POOL, SUB, CodePurpose.FORGOT_PASSWORD, code);

        assertThat(recorded(SUB, CodeOperation.CONFIRM_FORGOT_PASSWORD)).hasSize(4);
    }

    @Test
    void aNewCodeDoesNotResetTheCount() {
        String first = this.codes.issue(POOL, SUB, CodePurpose.FORGOT_PASSWORD);
        guessWrong(SUB, CodePurpose.FORGOT_PASSWORD, first, 3);
        String second = this.codes.issue(POOL, SUB, CodePurpose.FORGOT_PASSWORD);
        guessWrong(SUB, CodePurpose.FORGOT_PASSWORD, second, 2);
        String third = this.codes.issue(POOL, SUB, CodePurpose.FORGOT_PASSWORD);

        assertThat(error(() -> this.codes.consume(POOL, SUB, CodePurpose.FORGOT_PASSWORD, third)))
                .isEqualTo(LIMIT);
    }

    @Test
    void anAttemptCountsForExactlyOneHour() {
        String code = this.codes.issue(POOL, SUB, CodePurpose.SIGN_UP);
        guessWrong(SUB, CodePurpose.SIGN_UP, code, 15);

        this.clock.advance(Duration.ofHours(1).minusNanos(1));
        assertThat(error(() -> this.codes.consume(POOL, SUB, CodePurpose.SIGN_UP, code)))
                .isEqualTo(LIMIT);

        this.clock.advance(Duration.ofNanos(1));
        this.codes.consume(POOL, SUB, CodePurpose.SIGN_UP, code);
    }

    @Test
    void theWindowRollsAttemptByAttempt() {
        String code = this.codes.issue(POOL, SUB, CodePurpose.FORGOT_PASSWORD);
        guessWrong(SUB, CodePurpose.FORGOT_PASSWORD, code, 4);
        this.clock.advance(Duration.ofMinutes(30));
        guessWrong(SUB, CodePurpose.FORGOT_PASSWORD, code, 1);
        assertThat(error(() -> this.codes.consume(POOL, SUB, CodePurpose.FORGOT_PASSWORD, code)))
                .isEqualTo(LIMIT);

        // The first four drop out an hour after they were made; the fifth still counts.
        this.clock.advance(Duration.ofMinutes(30));
        String fresh = this.codes.issue(POOL, SUB, CodePurpose.FORGOT_PASSWORD);
        guessWrong(SUB, CodePurpose.FORGOT_PASSWORD, fresh, 4);
        assertThat(error(() -> this.codes.consume(POOL, SUB, CodePurpose.FORGOT_PASSWORD, fresh)))
                .isEqualTo(LIMIT);
        // Whatever dropped out was removed from the record when it was written.
        assertThat(recorded(SUB, CodeOperation.CONFIRM_FORGOT_PASSWORD))
                .containsExactly(
                        SignInFixture.START.plus(Duration.ofMinutes(30)),
                        SignInFixture.START.plus(Duration.ofHours(1)),
                        SignInFixture.START.plus(Duration.ofHours(1)),
                        SignInFixture.START.plus(Duration.ofHours(1)),
                        SignInFixture.START.plus(Duration.ofHours(1)));
    }

    @Test
    void expiredSupersededAndMissingCodesAreNotCountedAsGuesses() {
        this.codes.issue(POOL, SUB, CodePurpose.SIGN_UP);
        String old = this.codes.issue(POOL, SUB, CodePurpose.FORGOT_PASSWORD);
        this.codes.issue(POOL, SUB, CodePurpose.FORGOT_PASSWORD);
        for (int i = 0; i < 6; i++) {
            error(() -> this.codes.consume(POOL, SUB, CodePurpose.FORGOT_PASSWORD, old));
            error(() -> this.codes.consume(POOL, SUB, CodePurpose.ATTRIBUTE_VERIFICATION, "123456"));
        }
        this.clock.advance(CodePurpose.SIGN_UP.validity());
        error(() -> this.codes.consume(POOL, SUB, CodePurpose.SIGN_UP, "123456"));

        assertThat(recorded(SUB, CodeOperation.CONFIRM_FORGOT_PASSWORD)).isEmpty();
        assertThat(recorded(SUB, CodeOperation.VERIFY_USER_ATTRIBUTE)).isEmpty();
        assertThat(recorded(SUB, CodeOperation.CONFIRM_SIGN_UP)).isEmpty();
    }

    @Test
    void limitsAreCountedPerUserAndPerOperation() {
        String reset = this.codes.issue(POOL, SUB, CodePurpose.FORGOT_PASSWORD);
        guessWrong(SUB, CodePurpose.FORGOT_PASSWORD, reset, 5);

        String signUp = this.codes.issue(POOL, SUB, CodePurpose.SIGN_UP);
        this.codes.consume(POOL, SUB, CodePurpose.SIGN_UP, signUp);
        String others = this.codes.issue(POOL, OTHER_SUB, CodePurpose.FORGOT_PASSWORD);
        this.codes.consume(POOL, OTHER_SUB, CodePurpose.FORGOT_PASSWORD, others);
    }

    @Test
    void theSixthRequestForACodeInAnHourIsRefused() {
        for (CodeOperation operation : new CodeOperation[] {
            CodeOperation.RESEND_CONFIRMATION_CODE,
            CodeOperation.FORGOT_PASSWORD,
            CodeOperation.GET_USER_ATTRIBUTE_VERIFICATION_CODE
        }) {
            for (int i = 0; i < 5; i++) {
                this.codes.countRequest(POOL, SUB, operation);
            }
            assertThat(error(() -> this.codes.countRequest(POOL, SUB, operation)))
                    .as(operation.name())
                    .isEqualTo(LIMIT);
            // A refused request is not counted.
            assertThat(recorded(SUB, operation)).as(operation.name()).hasSize(5);
        }
        this.clock.advance(Duration.ofHours(1));
        this.codes.countRequest(POOL, SUB, CodeOperation.FORGOT_PASSWORD);
        assertThat(recorded(SUB, CodeOperation.FORGOT_PASSWORD)).containsExactly(this.clock.instant());
    }

    @Test
    void requestsAndWrongCodesAreCountedApart() {
        for (int i = 0; i < 5; i++) {
            this.codes.countRequest(POOL, SUB, CodeOperation.FORGOT_PASSWORD);
        }
        String code = this.codes.issue(POOL, SUB, CodePurpose.FORGOT_PASSWORD);

        guessWrong(SUB, CodePurpose.FORGOT_PASSWORD, code, 4);
        this.codes.consume(POOL, SUB, CodePurpose.FORGOT_PASSWORD, code);
    }

    @Test
    void aDeletedUsersCountsGoWithItAndNobodyElses() {
        this.attempts.count(POOL, SUB, CodeOperation.FORGOT_PASSWORD);
        this.attempts.count(POOL, SUB, CodeOperation.CONFIRM_SIGN_UP);
        this.attempts.count(POOL, OTHER_SUB, CodeOperation.FORGOT_PASSWORD);

        this.codes.userDeleted(POOL, SUB);

        assertThat(recorded(SUB, CodeOperation.FORGOT_PASSWORD)).isEmpty();
        assertThat(recorded(SUB, CodeOperation.CONFIRM_SIGN_UP)).isEmpty();
        assertThat(recorded(OTHER_SUB, CodeOperation.FORGOT_PASSWORD)).hasSize(1);
    }

    @Test
    void countsGoWithTheirPool() {
        this.attempts.count(POOL, SUB, CodeOperation.FORGOT_PASSWORD);

        this.store.deletePool(POOL);

        assertThat(recorded(SUB, CodeOperation.FORGOT_PASSWORD)).isEmpty();
        // Nothing is counted against a pool that is gone, and nothing is refused either.
        for (int i = 0; i < 6; i++) {
            this.attempts.count(POOL, SUB, CodeOperation.FORGOT_PASSWORD);
        }
        assertThat(recorded(SUB, CodeOperation.FORGOT_PASSWORD)).isEmpty();
    }

    @Test
    void parallelWrongGuessesAreEachCounted() throws Exception {
        PausingStore pausing = new PausingStore(this.store);
        VerificationCodes racing = new VerificationCodes(
                this.store.codes(),
                new CodeAttempts(pausing.resources(), this.clock),
                this.clock,
                new Ids(new Random(5)));
        String code = racing.issue(POOL, SUB, CodePurpose.FORGOT_PASSWORD);
        int parties = 7;
        // All seven read an empty count, then write at once: one write lands, the others must read again.
        pausing.holdUntil(PausingStore.Operation.RESOURCE_WRITE, parties);
        ExecutorService threads = Executors.newFixedThreadPool(parties);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < parties; i++) {
                answers.add(threads.submit(
                        () -> error(() -> racing.consume(POOL, SUB, CodePurpose.FORGOT_PASSWORD, wrong(code)))));
            }
            List<String> errors = new ArrayList<>();
            for (Future<String> answer : answers) {
                errors.add(answer.get());
            }
            assertThat(errors).filteredOn(MISMATCH::equals).hasSize(5);
            assertThat(errors).filteredOn(LIMIT::equals).hasSize(2);
        } finally {
            threads.shutdownNow();
        }
        assertThat(recorded(SUB, CodeOperation.CONFIRM_FORGOT_PASSWORD)).hasSize(5);
        assertThat(error(() -> racing.consume(POOL, SUB, CodePurpose.FORGOT_PASSWORD, code)))
                .isEqualTo(LIMIT);
    }

    @Test
    void aCountThatNeverLandsGivesUpWithRateExceeded() {
        AtomicInteger writes = new AtomicInteger();
        Resource<CodeAttempts.Attempts> stored = new Resource<>(
                CodeAttempts.KIND,
                POOL,
                POOL + "/" + SUB + "/FORGOT_PASSWORD",
                1,
                new CodeAttempts.Attempts(List.of()));
        ResourceStore refusing = new ResourceStore() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> Optional<Resource<T>> find(ResourceKind<T> kind, String key) {
                return Optional.of((Resource<T>) stored);
            }

            @Override
            public <T> List<Resource<T>> list(ResourceKind<T> kind, String userPoolId, String keyPrefix) {
                return List.of();
            }

            @Override
            public boolean write(List<? extends ResourceChange> changes) {
                writes.incrementAndGet();
                return false;
            }
        };
        CodeAttempts contended = new CodeAttempts(refusing, this.clock);

        assertThat(error(() -> contended.count(POOL, SUB, CodeOperation.FORGOT_PASSWORD)))
                .isEqualTo("TooManyRequestsException: Rate exceeded");
        assertThat(writes).hasValue(100);
    }

    @Test
    void attemptsRoundTripThroughTheDatabase() {
        try (JdbcStore h2 = JdbcStore.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")) {
            h2.pools().create(EmulatorStoreContract.pool(POOL));
            CodeAttempts.Attempts attempts = new CodeAttempts.Attempts(
                    List.of(SignInFixture.START, SignInFixture.START.plusNanos(1_500_000_123)));

            assertThat(h2.resources().create(CodeAttempts.KIND, POOL, POOL + "/" + SUB + "/FORGOT_PASSWORD", attempts))
                    .isTrue();

            assertThat(h2.resources().find(CodeAttempts.KIND, POOL + "/" + SUB + "/FORGOT_PASSWORD"))
                    .map(Resource::value)
                    .contains(attempts);
        }
    }
}
