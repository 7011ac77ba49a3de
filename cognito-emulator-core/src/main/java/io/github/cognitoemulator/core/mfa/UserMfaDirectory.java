package io.github.cognitoemulator.core.mfa;

import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.store.Resource;
import io.github.cognitoemulator.core.store.ResourceChange;
import io.github.cognitoemulator.core.store.ResourceKind;
import io.github.cognitoemulator.core.store.ResourceStore;
import io.github.cognitoemulator.core.user.User;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * The users' MFA state, one {@link UserMfa} record per user keyed by pool and sub, changed only through the store's
 * compare-and-set writes, so that a TOTP code is taken once even when it arrives twice at the same moment.
 */
public final class UserMfaDirectory {

    /** The MFA state of a user, keyed by {@code <pool id>/<sub>}. */
    static final ResourceKind<UserMfa> USER_MFA = ResourceKind.of("user-mfa", UserMfa.class);

    static final String TOKEN_USED = "Your software token has already been used once.";

    private final ResourceStore resources;

    private final Clock clock;

    public UserMfaDirectory(ResourceStore resources, Clock clock) {
        this.resources = Objects.requireNonNull(resources, "'resources' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    }

    /** The MFA state of a user; {@link UserMfa#none} when nothing was ever set up. */
    public UserMfa find(String userPoolId, String sub) {
        return this.resources
                .find(USER_MFA, key(userPoolId, sub))
                .map(Resource::value)
                .orElseGet(() -> UserMfa.none(userPoolId, sub));
    }

    /**
     * Changes the MFA state of a user, retrying on the freshest copy when a concurrent change got there first.
     *
     * @param change the change, which may throw to refuse it; applied again on each retry
     * @return the state written
     */
    UserMfa update(String userPoolId, String sub, UnaryOperator<UserMfa> change) {
        String key = key(userPoolId, sub);
        while (true) {
            Optional<Resource<UserMfa>> current = this.resources.find(USER_MFA, key);
            UserMfa updated = change.apply(current.map(Resource::value).orElseGet(() -> UserMfa.none(userPoolId, sub)));
            boolean written = current.isPresent()
                    ? this.resources.replace(current.get(), updated)
                    : this.resources.create(USER_MFA, userPoolId, key, updated);
            if (written) {
                return updated;
            }
            if (this.resources.find(USER_MFA, key).isEmpty()) {
                // Lost to a removal rather than to a concurrent change: the user or its pool was deleted.
                throw Errors.userNotFound();
            }
        }
    }

    /**
     * Takes a code of the user's verified software token: a code is accepted once in its time step, and never once a
     * code of a later step was accepted.
     *
     * @throws CognitoException {@code CodeMismatchException} for a wrong code, {@code ExpiredCodeException} for a
     *     code used already, and {@code NotAuthorizedException} when the user has no verified token
     */
    public void useCode(String userPoolId, String sub, String code, String mismatchMessage) {
        update(userPoolId, sub, (mfa) -> {
            if (mfa.secret() == null) {
                throw ErrorType.NOT_AUTHORIZED.exception("User has not verified software token mfa");
            }
            long step = acceptedStep(mfa, mfa.secret(), code, mismatchMessage, ErrorType.CODE_MISMATCH);
            return mfa.withLastUsedStep(step);
        });
    }

    /** Associates a new software token, keeping any verified one until the new one is verified. */
    void associate(String userPoolId, String sub, String secret) {
        update(userPoolId, sub, (mfa) -> mfa.withPendingSecret(secret));
    }

    /**
     * Verifies the associated software token with a first code; it then replaces any earlier token.
     *
     * @throws CognitoException {@code EnableSoftwareTokenMFAException} for a wrong code, {@code ExpiredCodeException}
     *     for a code used already
     */
    UserMfa verify(String userPoolId, String sub, String code, @org.jspecify.annotations.Nullable String deviceName) {
        return update(userPoolId, sub, (mfa) -> {
            if (mfa.pendingSecret() == null) {
                throw ErrorType.SOFTWARE_TOKEN_MFA_NOT_FOUND.exception("User has not set up software token mfa");
            }
            long step = acceptedStep(
                    mfa,
                    mfa.pendingSecret(),
                    code,
                    "Code mismatch and fail enable Software Token MFA",
                    ErrorType.ENABLE_SOFTWARE_TOKEN_MFA);
            return mfa.withVerifiedToken(deviceName, step);
        });
    }

    private long acceptedStep(UserMfa mfa, String secret, String code, String mismatchMessage, ErrorType mismatch) {
        OptionalLong step = Totp.match(secret, code, this.clock.instant());
        if (step.isEmpty()) {
            throw mismatch.exception(mismatchMessage);
        }
        if (step.getAsLong() <= mfa.lastUsedStep()) {
            throw ErrorType.EXPIRED_CODE.exception(TOKEN_USED);
        }
        return step.getAsLong();
    }

    /** Forgets a deleted user's MFA state. */
    public void userDeleted(User user) {
        this.resources.write(List.of(new ResourceChange.DeleteIfPresent(USER_MFA, key(user.userPoolId(), user.sub()))));
    }

    static String key(String userPoolId, String sub) {
        return userPoolId + "/" + sub;
    }
}
