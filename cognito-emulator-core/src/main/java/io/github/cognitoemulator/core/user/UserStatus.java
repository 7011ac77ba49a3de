package io.github.cognitoemulator.core.user;

/** A user's account status, as {@code UserStatus} reports it. */
public enum UserStatus {
    UNCONFIRMED,
    CONFIRMED,
    ARCHIVED,
    COMPROMISED,
    UNKNOWN,
    RESET_REQUIRED,
    FORCE_CHANGE_PASSWORD,
    EXTERNAL_PROVIDER
}
