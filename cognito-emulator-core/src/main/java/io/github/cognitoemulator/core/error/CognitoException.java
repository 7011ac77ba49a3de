package io.github.cognitoemulator.core.error;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An error that Cognito itself would answer with: it carries the {@code __type} and the exact message, and is turned
 * into an AWS-shaped error response in one place, the protocol.
 */
public class CognitoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorType type;

    public CognitoException(ErrorType type, @Nullable String message) {
        super(message, null, false, false);
        this.type = Objects.requireNonNull(type, "'type' must not be null");
    }

    /** The kind of error, which names the {@code __type} and the HTTP status. */
    public ErrorType type() {
        return this.type;
    }
}
