package io.github.cognitoemulator.core.auth;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A user's failed sign-ins, as {@link SignInLockout} counts them: kept in the store so that every instance sharing it
 * sees the same count, and it outlives a restart.
 *
 * @param userPoolId the user's pool
 * @param sub the user's {@code sub}
 * @param failures the wrong passwords since the count last started again, not counting the attempts refused while
 *     locked out
 * @param lastAttemptAt the last sign-in attempt of any outcome, from which the quiet period that starts the count
 *     again is measured
 * @param lockedUntil when the current lockout ends, or {@code null} while there has not been one since the count
 *     started
 */
public record FailedSignIns(
        String userPoolId,
        String sub,
        int failures,
        Instant lastAttemptAt,
        @Nullable Instant lockedUntil) {

    /** Whether sign-ins are refused at {@code now}. */
    boolean lockedAt(Instant now) {
        return this.lockedUntil != null && now.isBefore(this.lockedUntil);
    }

    /** This record with one more attempt at {@code now} that does not change the count. */
    FailedSignIns attemptedAt(Instant now) {
        return new FailedSignIns(this.userPoolId, this.sub, this.failures, now, this.lockedUntil);
    }
}
