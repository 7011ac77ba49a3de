package io.github.cognitoemulator.core.user;

import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.password.PasswordCredential;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.support.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/** Sets users' passwords under their pool's policy, storing only the SRP salt and verifier. */
public final class PasswordChanges {

    private final UserDirectory users;

    private final Clock clock;

    private final Ids ids;

    public PasswordChanges(UserDirectory users, Clock clock, Ids ids) {
        this.users = Objects.requireNonNull(users, "'users' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
        this.ids = Objects.requireNonNull(ids, "'ids' must not be null");
    }

    /**
     * Fails with {@code InvalidPasswordException} in Cognito's words when {@code password} breaks the pool's policy.
     */
    public static void checkPolicy(UserPool pool, String password) {
        List<String> violations = pool.passwordPolicy().violations(password);
        if (!violations.isEmpty()) {
            throw ErrorType.INVALID_PASSWORD.exception("Password does not conform to policy: " + violations.get(0));
        }
    }

    /** What is stored for {@code password} of {@code user}, after checking it against the policy. */
    public PasswordCredential credential(UserPool pool, String username, String password) {
        checkPolicy(pool, password);
        return PasswordCredential.create(pool.idSuffix(), username, password, this.ids.randomBytes(16));
    }

    /**
     * What is stored for a temporary {@code password} (one the user must change at the first sign-in), after
     * checking it against the policy: its SRP verifier is left to be derived if an SRP sign-in ever needs it.
     */
    public PasswordCredential temporaryCredential(UserPool pool, String username, String password) {
        checkPolicy(pool, password);
        return PasswordCredential.createTemporary(pool.idSuffix(), username, password, this.ids.randomBytes(16));
    }

    /** Stores a new password for {@code user}, with the status that goes with it, and returns the updated user. */
    public User setPassword(UserPool pool, User user, String password, UserStatus status) {
        if (status == UserStatus.FORCE_CHANGE_PASSWORD) {
            return setTemporaryPassword(pool, user, password, UnaryOperator.identity());
        }
        return setPassword(pool, user, password, (current) -> status, UnaryOperator.identity());
    }

    /**
     * Stores a new temporary password for {@code user}, who must change it at the next sign-in
     * ({@code FORCE_CHANGE_PASSWORD}), together with other changes applied to the freshest stored copy.
     */
    public User setTemporaryPassword(UserPool pool, User user, String password, UnaryOperator<User> alsoChange) {
        return store(
                pool,
                user,
                temporaryCredential(pool, user.username(), password),
                (current) -> UserStatus.FORCE_CHANGE_PASSWORD,
                alsoChange);
    }

    /**
     * Stores a new password for {@code user} together with other changes, applied to the freshest stored copy of
     * the user, so that a change made meanwhile (a disabled account, say) is kept.
     *
     * @param status the status that goes with the new password, given the freshest copy
     * @param alsoChange further changes made in the same write; may throw to refuse
     * @return the user as stored
     */
    public User setPassword(
            UserPool pool,
            User user,
            String password,
            java.util.function.Function<User, UserStatus> status,
            UnaryOperator<User> alsoChange) {
        // The verifier is an expensive computation: it is made once, outside any retry.
        return store(pool, user, credential(pool, user.username(), password), status, alsoChange);
    }

    private User store(
            UserPool pool,
            User user,
            PasswordCredential credential,
            java.util.function.Function<User, UserStatus> status,
            UnaryOperator<User> alsoChange) {
        Instant now = this.clock.instant();
        return this.users.modify(pool, user.sub(), (current) -> {
            User changed = alsoChange.apply(current);
            return changed.withPassword(credential, status.apply(changed), now);
        });
    }
}
