package io.github.cognitoemulator.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.MutableClock;
import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.store.Resource;
import io.github.cognitoemulator.core.store.memory.InMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The record of a user's failed sign-ins, changed through {@link SignInLockout} alone. */
class SignInLockoutRecordTest {

    private final InMemoryStore store = new InMemoryStore();

    private final MutableClock clock = new MutableClock(EmulatorFixture.NOW);

    private final SignInLockout lockout = new SignInLockout(this.store.resources(), this.clock);

    private final String poolId =
            io.github.cognitoemulator.core.SignInFixture.create(this.store).createPool(Map.of());

    @AfterEach
    void close() {
        this.store.close();
    }

    private Optional<FailedSignIns> record(String sub) {
        return this.store
                .resources()
                .find(SignInLockout.KIND, SignInLockout.key(this.poolId, sub))
                .map(Resource::value);
    }

    /** A wrong password: the reserved failure stays counted. */
    private SignInLockout.Attempt fail(String sub) {
        return this.lockout.reserve(this.poolId, sub);
    }

    private void fail(String sub, int times) {
        for (int i = 0; i < times; i++) {
            fail(sub);
        }
    }

    private FailedSignIns state(int failures, Instant lastAttemptAt, Instant lockedUntil) {
        return new FailedSignIns(this.poolId, "sub-1", failures, lastAttemptAt, lockedUntil);
    }

    @Test
    void theFirstReservationCreatesTheRecordAndTheNextOnesReplaceIt() {
        SignInLockout.Attempt first = fail("sub-1");
        SignInLockout.Attempt second = fail("sub-1");

        assertThat(first)
                .isEqualTo(new SignInLockout.Attempt(
                        this.poolId, "sub-1", null, state(1, EmulatorFixture.NOW, null), true));
        assertThat(second)
                .isEqualTo(new SignInLockout.Attempt(
                        this.poolId,
                        "sub-1",
                        state(1, EmulatorFixture.NOW, null),
                        state(2, EmulatorFixture.NOW, null),
                        false));
        assertThat(record("sub-1")).contains(state(2, EmulatorFixture.NOW, null));
        assertThat(SignInLockout.key(this.poolId, "sub-1")).isEqualTo(this.poolId + "/sub-1");
    }

    @Test
    void theFifthReservationLocksTheUserOutAtOnce() {
        fail("sub-1", 4);
        SignInLockout.Attempt fifth = fail("sub-1");

        assertThat(fifth.reserved()).isEqualTo(state(5, EmulatorFixture.NOW, EmulatorFixture.NOW.plusSeconds(1)));
        assertThatThrownBy(() -> fail("sub-1"))
                .isInstanceOf(CognitoException.class)
                .hasMessage("Password attempts exceeded");
        assertThat(record("sub-1")).contains(fifth.reserved());
    }

    @Test
    void aReservationAfterTheQuietPeriodStartsTheCountAgain() {
        fail("sub-1", 3);
        this.clock.advance(Duration.ofMinutes(15));

        SignInLockout.Attempt attempt = fail("sub-1");

        Instant now = EmulatorFixture.NOW.plus(Duration.ofMinutes(15));
        assertThat(attempt)
                .isEqualTo(new SignInLockout.Attempt(this.poolId, "sub-1", null, state(1, now, null), false));
    }

    @Test
    void aReservationInAPoolThatIsGoneCountsNothingAndReturns() {
        SignInLockout.Attempt attempt = this.lockout.reserve("us-east-1_gone", "sub-1");

        assertThat(attempt.created()).isFalse();
        assertThat(attempt.before()).isNull();
        assertThat(this.store.resources().find(SignInLockout.KIND, "us-east-1_gone/sub-1"))
                .isEmpty();
        this.lockout.succeeded(attempt);
        assertThat(this.store.resources().find(SignInLockout.KIND, "us-east-1_gone/sub-1"))
                .isEmpty();
    }

    @Test
    void takingBackTheOnlyFailureRemovesTheRecord() {
        SignInLockout.Attempt attempt = fail("sub-1");

        this.lockout.succeeded(attempt);

        assertThat(record("sub-1")).isEmpty();
    }

    @Test
    void takingBackRestoresTheCountAndTheLockoutBeforeButNotTheLastAttempt() {
        fail("sub-1", 5);
        this.clock.advance(Duration.ofSeconds(1));
        SignInLockout.Attempt sixth = fail("sub-1");
        assertThat(sixth.reserved().lockedUntil()).isEqualTo(EmulatorFixture.NOW.plusSeconds(3));
        this.clock.advance(Duration.ofMillis(10));

        this.lockout.succeeded(sixth);

        assertThat(record("sub-1"))
                .contains(state(5, EmulatorFixture.NOW.plusMillis(1_010), EmulatorFixture.NOW.plusSeconds(1)));
    }

    @Test
    void takingBackTheFifthFailureUnlocksEvenAfterRefusedAttempts() {
        fail("sub-1", 4);
        SignInLockout.Attempt fifth = fail("sub-1");
        this.clock.advance(Duration.ofMillis(200));
        assertThatThrownBy(() -> fail("sub-1")).hasMessage("Password attempts exceeded");
        this.clock.advance(Duration.ofMillis(200));

        this.lockout.succeeded(fifth);

        assertThat(record("sub-1")).contains(state(4, EmulatorFixture.NOW.plusMillis(400), null));
        this.lockout.check(this.poolId, "sub-1");
    }

    @Test
    void takingBackKeepsTheLockoutOfAFailureCountedSince() {
        fail("sub-1", 3);
        SignInLockout.Attempt right = fail("sub-1");
        SignInLockout.Attempt wrong = fail("sub-1");

        this.lockout.succeeded(right);

        // Four failures, one taken back: the lockout the fifth one caused stays, as a real failure caused it.
        assertThat(record("sub-1"))
                .contains(state(4, EmulatorFixture.NOW, wrong.reserved().lockedUntil()));
        assertThatThrownBy(() -> this.lockout.check(this.poolId, "sub-1")).hasMessage("Password attempts exceeded");
    }

    @Test
    void takingBackKeepsALockoutWrittenByAnotherAttemptAtTheSameCount() {
        fail("sub-1", 4);
        SignInLockout.Attempt fifth = fail("sub-1");
        this.clock.advance(Duration.ofSeconds(1));
        SignInLockout.Attempt sixth = fail("sub-1");
        this.clock.advance(Duration.ofSeconds(2));
        SignInLockout.Attempt seventh = fail("sub-1");
        this.lockout.succeeded(sixth);
        this.lockout.succeeded(seventh);
        assertThat(record("sub-1"))
                .contains(state(5, EmulatorFixture.NOW.plusSeconds(3), EmulatorFixture.NOW.plusSeconds(7)));

        this.lockout.succeeded(fifth);

        // Back at the fifth's count, but the lockout in force is the seventh's, not the fifth's: it stays.
        assertThat(record("sub-1"))
                .contains(state(4, EmulatorFixture.NOW.plusSeconds(3), EmulatorFixture.NOW.plusSeconds(7)));
    }

    @Test
    void takingBackKeepsALaterLastAttempt() {
        fail("sub-1", 2);
        this.clock.advance(Duration.ofSeconds(5));
        SignInLockout.Attempt attempt = fail("sub-1");
        fail("sub-1");
        // A clock read earlier by the attempt's own request than by the other one's.
        this.clock.set(EmulatorFixture.NOW.plusSeconds(4));

        this.lockout.succeeded(attempt);

        assertThat(record("sub-1")).contains(state(3, EmulatorFixture.NOW.plusSeconds(5), null));
    }

    @Test
    void anAttemptOlderThanTheQuietPeriodTakesNothingBack() {
        fail("sub-1", 2);
        SignInLockout.Attempt attempt = fail("sub-1");
        this.clock.advance(Duration.ofMinutes(15).minusMillis(1));
        SignInLockout.Attempt late = fail("sub-1");
        this.clock.advance(Duration.ofMillis(1));

        this.lockout.succeeded(attempt);
        assertThat(record("sub-1")).contains(late.reserved());

        this.lockout.succeeded(late);
        assertThat(record("sub-1")).contains(state(3, EmulatorFixture.NOW.plus(Duration.ofMinutes(15)), null));
    }

    @Test
    void takingBackARecordThatIsGoneDoesNothing() {
        SignInLockout.Attempt attempt = fail("sub-1");
        this.lockout.forget(this.poolId, "sub-1");

        this.lockout.succeeded(attempt);

        assertThat(record("sub-1")).isEmpty();
    }

    @Test
    void checkWithoutARecordDoesNothing() {
        this.lockout.check(this.poolId, "sub-1");

        assertThat(record("sub-1")).isEmpty();
    }

    @Test
    void aRefusedAttemptMovesTheLastAttemptOnly() {
        fail("sub-1", 5);
        this.clock.advance(Duration.ofMillis(500));

        assertThatThrownBy(() -> this.lockout.check(this.poolId, "sub-1"))
                .isInstanceOf(CognitoException.class)
                .hasMessage("Password attempts exceeded");
        assertThat(record("sub-1"))
                .contains(state(5, EmulatorFixture.NOW.plusMillis(500), EmulatorFixture.NOW.plusSeconds(1)));
    }

    @Test
    void forgettingRemovesTheRecordOfThatUserOnly() {
        fail("sub-1");
        fail("sub-2");

        this.lockout.forget(this.poolId, "sub-1");
        this.lockout.forget(this.poolId, "sub-3");

        assertThat(record("sub-1")).isEmpty();
        assertThat(record("sub-2")).isPresent();
    }
}
