package io.github.cognitoemulator.core.token;

import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.store.Resource;
import io.github.cognitoemulator.core.store.ResourceKind;
import io.github.cognitoemulator.core.store.ResourceStore;
import io.github.cognitoemulator.core.user.User;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When each user last signed out everywhere, kept in the {@link ResourceStore} (one record a user, removed with the
 * user or the pool). App clients without token revocation issue access tokens with no {@code origin_jti} to look
 * their sign-in up by; global sign-out still ends them, as it did in Cognito before token revocation existed, by the
 * time they were issued.
 */
public final class UserSignOuts {

    static final ResourceKind<SignedOut> KIND = ResourceKind.of("user-sign-out", SignedOut.class);

    /** How often a write is retried against concurrent sign-outs of the same user. */
    private static final int MAX_ATTEMPTS = 100;

    private final ResourceStore resources;

    public UserSignOuts(ResourceStore resources) {
        this.resources = Objects.requireNonNull(resources, "'resources' must not be null");
    }

    /** Records that the user signed out everywhere at {@code at}; an earlier sign-out never replaces a later one. */
    public void signedOut(String userPoolId, String sub, Instant at) {
        String key = key(userPoolId, sub);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Resource<SignedOut>> current = this.resources.find(KIND, key);
            boolean written;
            if (current.isEmpty()) {
                // False when the key was taken meanwhile (read again) or the pool is gone (nothing left to end).
                written = this.resources.create(KIND, userPoolId, key, new SignedOut(at))
                        || this.resources.find(KIND, key).isEmpty();
            } else if (!current.get().value().at().isBefore(at)) {
                return;
            } else {
                written = this.resources.replace(current.get(), new SignedOut(at));
            }
            if (written) {
                return;
            }
        }
        throw ErrorType.TOO_MANY_REQUESTS.exception("Rate exceeded");
    }

    /** When the user last signed out everywhere, if ever. */
    public Optional<Instant> lastSignOut(String userPoolId, String sub) {
        return this.resources
                .find(KIND, key(userPoolId, sub))
                .map((record) -> record.value().at());
    }

    /** Forgets a deleted user's sign-out. */
    public void userDeleted(User user) {
        this.resources.find(KIND, key(user.userPoolId(), user.sub())).ifPresent(this.resources::delete);
    }

    private static String key(String userPoolId, String sub) {
        return userPoolId + "/" + sub;
    }

    /**
     * A user's last global sign-out.
     *
     * @param at when it happened
     */
    public record SignedOut(Instant at) {}
}
