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
import org.jspecify.annotations.Nullable;

/**
 * Cognito's lockout after failed sign-ins, whichever flow sent the password (USER_PASSWORD_AUTH,
 * ADMIN_USER_PASSWORD_AUTH, SRP's PASSWORD_VERIFIER, USER_AUTH's PASSWORD, managed login): after five wrong passwords
 * the user is locked out for one second, and each further wrong password doubles the lockout, up to about 15 minutes;
 * for {@code n} wrong passwords the lockout is {@code 2^(n-5)} seconds. While locked out, every sign-in, with the
 * right password too, gets {@code NotAuthorizedException: Password attempts exceeded}, and is not counted. The count
 * starts again once no sign-in was attempted for 15 minutes.
 *
 * <p>The count is one {@link FailedSignIns} record per user in the resource store, changed only by compare-and-set,
 * so that concurrent attempts each count: an attempt is counted as a failure before its password is checked, and
 * taken back if the password was right, so that parallel requests get no more guesses than sequential ones. It is
 * removed with the user, and replaced by a new count on the first attempt after a quiet period.
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
     * Refuses a sign-in of a locked-out user before anything else is done for it, such as the pre authentication
     * trigger. The refused attempt counts as an attempt for the quiet period, but not as a failure. It only reads
     * while the user is not locked out; {@link #reserve(String, String)} decides, atomically, when the password is
     * checked.
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
            refuse(current.get(), now);
        }
    }

    /**
     * Reserves a password attempt before the password is checked: in one compare-and-set, refuses it while the user
     * is locked out, or else counts it as a failure and applies the lockout that failure causes. So concurrent
     * attempts are decided one after another: once one of them is the fifth failure, the others are refused, whatever
     * their password, and no more than one guess is checked per lockout.
     *
     * <p>A wrong password leaves the failure counted; a right one takes it back with {@link #succeeded(Attempt)}.
     *
     * @throws CognitoException {@code NotAuthorizedException: Password attempts exceeded} while the user is locked
     *     out
     */
    Attempt reserve(String userPoolId, String sub) {
        Instant now = this.clock.instant();
        String key = key(userPoolId, sub);
        while (true) {
            Optional<Resource<FailedSignIns>> current = this.resources.find(KIND, key);
            if (current.isPresent() && current.get().value().lockedAt(now)) {
                refuse(current.get(), now);
                continue;
            }
            // A record past its quiet period counts for nothing: the count starts again.
            FailedSignIns before = current.map(Resource::value)
                    .filter((state) -> !isQuiet(state, now))
                    .orElse(null);
            int failures = ((before != null) ? before.failures() : 0) + 1;
            Duration lockout = lockoutAfter(failures);
            FailedSignIns next =
                    new FailedSignIns(userPoolId, sub, failures, now, lockout.isZero() ? null : now.plus(lockout));
            if (current.isPresent()) {
                if (this.resources.replace(current.get(), next)) {
                    return new Attempt(userPoolId, sub, before, next, false);
                }
            } else if (this.resources.create(KIND, userPoolId, key, next)) {
                return new Attempt(userPoolId, sub, null, next, true);
            } else if (this.resources.find(KIND, key).isEmpty()) {
                // The pool is gone: there is no one left to lock out, and nothing to take back.
                return new Attempt(userPoolId, sub, null, next, false);
            }
        }
    }

    /**
     * Takes back the failure a reserved attempt counted, once its password proved right. It does not start the count
     * again, which only a quiet period does; it was an attempt, though, so the quiet period starts now.
     *
     * <p>Taking back is conservative. The count loses one. The lockout goes back to the one before the attempt only
     * when the record still holds the count and the lockout the attempt wrote, so the lockout in force is the one the
     * provisional failure caused; once another failure was counted since, its lockout stays. A record whose count
     * drops to none is removed. An attempt older than the quiet period takes nothing back, since the count may have
     * started again without it.
     */
    void succeeded(Attempt attempt) {
        Instant now = this.clock.instant();
        if (isQuiet(attempt.reserved(), now)) {
            return;
        }
        String key = key(attempt.userPoolId(), attempt.sub());
        while (true) {
            Optional<Resource<FailedSignIns>> current = this.resources.find(KIND, key);
            if (current.isEmpty()) {
                return;
            }
            FailedSignIns state = current.get().value();
            int failures = state.failures() - 1;
            boolean written;
            if (failures == 0) {
                written = this.resources.delete(current.get());
            } else {
                boolean lockoutIsThisAttempts =
                        state.failures() == attempt.reserved().failures()
                                && Objects.equals(
                                        state.lockedUntil(), attempt.reserved().lockedUntil());
                Instant lockedUntil = !lockoutIsThisAttempts
                        ? state.lockedUntil()
                        : (attempt.before() != null) ? attempt.before().lockedUntil() : null;
                Instant lastAttemptAt = now.isAfter(state.lastAttemptAt()) ? now : state.lastAttemptAt();
                written = this.resources.replace(
                        current.get(),
                        new FailedSignIns(attempt.userPoolId(), attempt.sub(), failures, lastAttemptAt, lockedUntil));
            }
            if (written) {
                return;
            }
        }
    }

    /** Notes an attempt refused during a lockout as an attempt, and refuses it once that is written. */
    private void refuse(Resource<FailedSignIns> current, Instant now) {
        if (this.resources.replace(current, current.value().attemptedAt(now))) {
            throw lockedOut();
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

    /**
     * A password attempt reserved by {@link #reserve(String, String)}: counted as a failure until
     * {@link #succeeded(Attempt)} takes it back.
     *
     * @param before the count it was added to, or {@code null} when the count started with it
     * @param reserved the record it wrote
     * @param created whether it created the user's record, which the caller removes again if the user was deleted
     *     meanwhile
     */
    record Attempt(
            String userPoolId, String sub, @Nullable FailedSignIns before, FailedSignIns reserved, boolean created) {}
}
