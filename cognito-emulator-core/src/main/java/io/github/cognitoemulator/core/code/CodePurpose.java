package io.github.cognitoemulator.core.code;

import java.time.Duration;

/** What a one-time code confirms, and how long Cognito lets it live. */
public enum CodePurpose {
    /** Confirms a sign-up: 24 hours. */
    SIGN_UP(Duration.ofHours(24)),
    /** Verifies an email address or phone number: 24 hours. */
    ATTRIBUTE_VERIFICATION(Duration.ofHours(24)),
    /** Resets a forgotten password: 1 hour. */
    FORGOT_PASSWORD(Duration.ofHours(1));

    private final Duration validity;

    CodePurpose(Duration validity) {
        this.validity = validity;
    }

    /** How long a code stays valid. */
    public Duration validity() {
        return this.validity;
    }
}
