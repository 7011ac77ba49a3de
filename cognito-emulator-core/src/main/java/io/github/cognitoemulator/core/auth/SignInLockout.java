package io.github.cognitoemulator.core.auth;

import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.store.Resource;
import io.github.cognitoemulator.core.store.ResourceChange;
import io.github.cognitoemulator.core.store.ResourceKind;
import io.github.cognitoemulator.core.store.ResourceStore;
import io.github.cognitoemulator.core.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Cognito's lockout after failed sign-ins, whichever flow sent the password (USER_PASSWORD_AUTH,
 * ADMIN_USER_PASSWORD_AUTH, SRP's PASSWORD_VERIFIER, USER_AUTH's PASSWORD, managed login): after five wrong passwords
 * the user is locked out for one second, and each further wrong password doubles the lockout, up to about 15 minutes;
 * for {@code n} wrong passwords the lockout is {@code 2^(n-5)} seconds. While locked out, every sign-in, with the
 * right password too, gets {@code NotAuthorizedException: Password attempts exceeded}, and is not counted. The count
 * starts again once no sign-in was attempted for 15 minutes.
 *
 * <p>The count is one {@link FailedSignIns} record per user in the resource store, changed only by compare-and-set,
 * so that concurrent wrong passwords each count. It is removed with the user, and replaced by a new count on the
 * first attempt after a quiet period.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html">Amazon
 *     Cognito lockout behavior for failed sign-in attempts</a>
 */
public final class SignInLockout {

    /** The failed sign-ins of one user, keyed by pool id and {@code sub}. */
    static final ResourceKind<FailedSignIns> KIND = ResourceKind.of("sign-in-failures", FailedSignIns.class);

    /** The wrong passwords that go unpunished; the next one locks the user out. */
    static final int FREE_FAILURES = 4;

    /** The longest lockout: Cognito's "approximately 15 minutes", reached at the 15th wrong password. */
    static final Duration MAX_LOCKOUT = Duration.ofMinutes(15);

    /** How long no sign-in may be attempted before the count starts again. */
    static final Duration QUIET_PERIOD = Duration.ofMinutes(15);

    /** The message of a sign-in refused while the user is locked out. */
    static final String LOCKED_OUT = "Password attempts exceeded";

    private final ResourceStore resources;

    private final Clock clock;

    public SignInLockout(ResourceStore resources, Clock clock) {
        this.resources = Objects.requireNonNull(resources, "'resources' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    }

    /**
     * The lockout that follows the {@code failures}-th wrong password: none for the first four, then
     * {@code 2^(failures-5)} seconds, at most {@link #MAX_LOCKOUT}.
     */
    static Duration lockoutAfter(int failures) {
        if (failures <= FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = failures - FREE_FAILURES - 1;
        // 2^9 = 512 seconds is the last doubling under the cap, 2^10 = 1,024 seconds is past it.
        return (doublings >= 10) ? MAX_LOCKOUT : Duration.ofSeconds(1L << doublings);
    }

    /**
     * Refuses a sign-in of a locked-out user before the password is checked. The refused attempt counts as an
     * attempt for the quiet period, but not as a failure.
     *
     * @throws CognitoException {@code NotAuthorizedException: Password attempts exceeded} while the user is locked
     *     out
     */
    void check(String userPoolId, String sub) {
        Instant now = this.clock.instant();
        while (true) {
            Optional<Resource<FailedSignIns>> current = this.resources.find(KIND, key(userPoolId, sub));
            if (current.isEmpty() || !current.get().value().lockedAt(now)) {
                return;
            }
            if (this.resources.replace(current.get(), current.get().value().attemptedAt(now))) {
                throw lockedOut();
            }
        }
    }

    /**
     * Counts a wrong password, and locks the user out from the fifth one on.
     *
     * @return whether this created the user's record, which the caller removes again if the user was deleted
     *     meanwhile
     */
    boolean failed(String userPoolId, String sub) {
        Instant now = this.clock.instant();
        String key = key(userPoolId, sub);
        while (true) {
            Optional<Resource<FailedSignIns>> current = this.resources.find(KIND, key);
            int failures = current.map(Resource::value)
                            .filter((state) -> !isQuiet(state, now))
                            .map(FailedSignIns::failures)
                            .orElse(0)
                    + 1;
            Duration lockout = lockoutAfter(failures);
            FailedSignIns next =
                    new FailedSignIns(userPoolId, sub, failures, now, lockout.isZero() ? null : now.plus(lockout));
            if (current.isPresent()) {
                if (this.resources.replace(current.get(), next)) {
                    return false;
                }
            } else if (this.resources.create(KIND, userPoolId, key, next)) {
                return true;
            } else if (this.resources.find(KIND, key).isEmpty()) {
                // The pool is gone: there is no one left to lock out.
                return false;
            }
        }
    }

    /**
     * Notes a sign-in whose password was right. It does not start the count again, which only a quiet period does;
     * it is an attempt, though, so the quiet period starts now. A record already past its quiet period is removed.
     */
    void succeeded(String userPoolId, String sub) {
        Instant now = this.clock.instant();
        Optional<Resource<FailedSignIns>> current = this.resources.find(KIND, key(userPoolId, sub));
        if (current.isEmpty()) {
            return;
        }
        // Losing either write to a concurrent one is fine: that one was an attempt at this moment too.
        if (isQuiet(current.get().value(), now)) {
            this.resources.delete(current.get());
        } else {
            this.resources.replace(current.get(), current.get().value().attemptedAt(now));
        }
    }

    /** Forgets a user's failed sign-ins, once the user is deleted or the record was created after that. */
    void forget(String userPoolId, String sub) {
        this.resources.write(List.of(new ResourceChange.DeleteIfPresent(KIND, key(userPoolId, sub))));
    }

    /** Forgets a deleted user's failed sign-ins. */
    public void userDeleted(User user) {
        forget(user.userPoolId(), user.sub());
    }

    /** Whether no sign-in was attempted for the quiet period, so that the count starts again. */
    private static boolean isQuiet(FailedSignIns state, Instant now) {
        return !now.isBefore(state.lastAttemptAt().plus(QUIET_PERIOD));
    }

    static CognitoException lockedOut() {
        return ErrorType.NOT_AUTHORIZED.exception(LOCKED_OUT);
    }

    static String key(String userPoolId, String sub) {
        return userPoolId + "/" + sub;
    }
}
