package io.github.cognitoemulator.core.user;

import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.password.PasswordCredential;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.support.Ids;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

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

    /** Stores a new password for {@code user}, with the status that goes with it, and returns the updated user. */
    public User setPassword(UserPool pool, User user, String password, UserStatus status) {
        User updated = user.withPassword(credential(pool, user.username(), password), status, this.clock.instant());
        this.users.update(pool, updated);
        return updated;
    }
}
