package io.github.cognitoemulator.core.seed;

import io.github.cognitoemulator.core.support.Redacted;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A user of a pool, created as AdminCreateUser does without sending an invitation. Give exactly one of
 * {@code password} and {@code temporaryPassword}.
 *
 * @param username the username, or the email address or phone number in a pool whose {@code usernameAttributes}
 *     name it
 * @param attributes the user attributes by name, for example {@code email} and {@code email_verified}
 * @param password a permanent password: the user is {@code CONFIRMED} and signs in with it
 * @param temporaryPassword a temporary password: the user is {@code FORCE_CHANGE_PASSWORD} and must choose a new
 *     password at the first sign-in
 * @param enabled whether the user may sign in; {@code null} for {@code true}
 * @param groups the names of the groups the user is in, declared with the pool or existing in it
 */
public record UserSeed(
        String username,
        Map<String, String> attributes,
        @Nullable String password,
        @Nullable String temporaryPassword,
        @Nullable Boolean enabled,
        List<String> groups) {

    public UserSeed {
        Objects.requireNonNull(username, "'username' must not be null");
        attributes = Seeds.copy(attributes);
        groups = Seeds.copy(groups);
    }

    /** A confirmed user with a permanent password, enabled, in no group. */
    public static UserSeed confirmed(String username, String password, Map<String, String> attributes) {
        return new UserSeed(username, attributes, password, null, null, null);
    }

    /** Shows the passwords as {@code ***}, so that a logged seed leaks nothing. */
    @Override
    public String toString() {
        return "UserSeed[username=" + this.username + ", attributes=" + this.attributes + ", password="
                + Redacted.secret(this.password) + ", temporaryPassword=" + Redacted.secret(this.temporaryPassword)
                + ", enabled=" + this.enabled + ", groups=" + this.groups + "]";
    }
}
