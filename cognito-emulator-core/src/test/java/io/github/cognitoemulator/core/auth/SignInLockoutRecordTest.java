package io.github.cognitoemulator.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.MutableClock;
import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.store.Resource;
import io.github.cognitoemulator.core.store.memory.InMemoryStore;
import java.time.Duration;
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

    @Test
    void theFirstFailureCreatesTheRecordAndTheNextOnesReplaceIt() {
        assertThat(this.lockout.failed(this.poolId, "sub-1")).isTrue();
        assertThat(this.lockout.failed(this.poolId, "sub-1")).isFalse();

        assertThat(record("sub-1")).contains(new FailedSignIns(this.poolId, "sub-1", 2, EmulatorFixture.NOW, null));
        assertThat(SignInLockout.key(this.poolId, "sub-1")).isEqualTo(this.poolId + "/sub-1");
    }

    @Test
    void aFailureInAPoolThatIsGoneCountsNothingAndReturns() {
        assertThat(this.lockout.failed("us-east-1_gone", "sub-1")).isFalse();

        assertThat(this.store.resources().find(SignInLockout.KIND, "us-east-1_gone/sub-1"))
                .isEmpty();
    }

    @Test
    void checkAndSuccessWithoutARecordDoNothing() {
        this.lockout.check(this.poolId, "sub-1");
        this.lockout.succeeded(this.poolId, "sub-1");

        assertThat(record("sub-1")).isEmpty();
    }

    @Test
    void aRefusedAttemptMovesTheLastAttemptOnly() {
        for (int i = 0; i < 5; i++) {
            this.lockout.failed(this.poolId, "sub-1");
        }
        this.clock.advance(Duration.ofMillis(500));

        assertThatThrownBy(() -> this.lockout.check(this.poolId, "sub-1"))
                .isInstanceOf(CognitoException.class)
                .hasMessage("Password attempts exceeded");
        assertThat(record("sub-1"))
                .contains(new FailedSignIns(
                        this.poolId,
                        "sub-1",
                        5,
                        EmulatorFixture.NOW.plusMillis(500),
                        EmulatorFixture.NOW.plusSeconds(1)));
    }

    @Test
    void forgettingRemovesTheRecordOfThatUserOnly() {
        this.lockout.failed(this.poolId, "sub-1");
        this.lockout.failed(this.poolId, "sub-2");

        this.lockout.forget(this.poolId, "sub-1");
        this.lockout.forget(this.poolId, "sub-3");

        assertThat(record("sub-1")).isEmpty();
        assertThat(record("sub-2")).isPresent();
    }
}
