package io.github.cognitoemulator.core.user;

import io.github.cognitoemulator.core.password.PasswordCredential;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A user of a pool. Immutable: every change makes a new value that replaces the stored one.
 *
 * @param userPoolId the pool
 * @param username the internal username (the {@code sub} in pools whose users sign in with email or phone)
 * @param sub the immutable UUID that identifies the user
 * @param attributes every attribute with a value, {@code sub} first, in the order they were set
 * @param status the account status
 * @param enabled whether the user may sign in
 * @param createDate when the user was created
 * @param lastModifiedDate when the user last changed
 * @param password what is stored of the password, or {@code null} when the user has none
 * @param passwordSetDate when the password was last set, or {@code null}
 * @param version how many times the stored user has been replaced, so that a stale copy cannot overwrite it
 */
public record User(
        String userPoolId,
        String username,
        String sub,
        Map<String, String> attributes,
        UserStatus status,
        boolean enabled,
        Instant createDate,
        Instant lastModifiedDate,
        @Nullable PasswordCredential password,
        @Nullable Instant passwordSetDate,
        long version) {

    public User {
        Objects.requireNonNull(username, "'username' must not be null");
        Objects.requireNonNull(sub, "'sub' must not be null");
        attributes = UserAttributes.copyOf(attributes);
    }

    /** The value of an attribute, or {@code null} when the user has none. */
    public @Nullable String attribute(String name) {
        return this.attributes.get(name);
    }

    /** Whether the user's {@code email} or {@code phone_number} is verified. */
    public boolean isVerified(String attributeName) {
        return "true".equals(this.attributes.get(attributeName + "_verified"));
    }

    /** This user with other attributes. */
    public User withAttributes(Map<String, String> attributes, Instant now) {
        return copy(attributes, this.status, this.enabled, now, this.password, this.passwordSetDate);
    }

    /** This user with another status. */
    public User withStatus(UserStatus status, Instant now) {
        return copy(this.attributes, status, this.enabled, now, this.password, this.passwordSetDate);
    }

    /** This user enabled or disabled. */
    public User withEnabled(boolean enabled, Instant now) {
        return copy(this.attributes, this.status, enabled, now, this.password, this.passwordSetDate);
    }

    /** This user with a new password and the status that goes with it. */
    public User withPassword(PasswordCredential password, UserStatus status, Instant now) {
        return copy(this.attributes, status, this.enabled, now, password, now);
    }

    /** This user as the next stored version. */
    public User nextVersion() {
        return new User(
                this.userPoolId,
                this.username,
                this.sub,
                this.attributes,
                this.status,
                this.enabled,
                this.createDate,
                this.lastModifiedDate,
                this.password,
                this.passwordSetDate,
                this.version + 1);
    }

    private User copy(
            Map<String, String> attributes,
            UserStatus status,
            boolean enabled,
            Instant lastModifiedDate,
            @Nullable PasswordCredential password,
            @Nullable Instant passwordSetDate) {
        return new User(
                this.userPoolId,
                this.username,
                this.sub,
                attributes,
                status,
                enabled,
                this.createDate,
                lastModifiedDate,
                password,
                passwordSetDate,
                this.version);
    }
}
