package io.github.cognitoemulator.autoconfigure;

import io.github.cognitoemulator.core.seed.SeedException;

/**
 * A pool of {@code cognito.emulator.pools} that cannot be had, which fails startup. The message starts with the full
 * name of the offending property, such as {@code cognito.emulator.pools[0].users[1].password}.
 */
public final class CognitoEmulatorSeedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String propertyName;

    private final String reason;

    CognitoEmulatorSeedException(SeedException cause) {
        this(CognitoEmulatorSeeds.propertyName(cause.path()), cause.reason(), cause);
    }

    private CognitoEmulatorSeedException(String propertyName, String reason, SeedException cause) {
        super(propertyName + ": " + reason, cause);
        this.propertyName = propertyName;
        this.reason = reason;
    }

    /** The offending property, for example {@code cognito.emulator.pools[0].users[1].password}. */
    public String propertyName() {
        return this.propertyName;
    }

    /** What is wrong with it: Cognito's message when one of its operations refused the setting. */
    public String reason() {
        return this.reason;
    }
}
