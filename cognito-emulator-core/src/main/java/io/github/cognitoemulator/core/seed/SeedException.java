package io.github.cognitoemulator.core.seed;

import io.github.cognitoemulator.core.error.ErrorType;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A declared pool that cannot be had: an invalid setting, refused by Cognito's own checks, or a clash with another
 * declaration or with the stored state. The message starts with the path of the offending item in the list of seeds,
 * for example {@code pools[0].users[1].password: Password does not conform to policy: Password not long enough}.
 */
public final class SeedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String path;

    private final String reason;

    private final @Nullable ErrorType errorType;

    SeedException(String path, String reason, @Nullable ErrorType errorType, @Nullable Throwable cause) {
        super(path + ": " + reason, cause);
        this.path = Objects.requireNonNull(path, "'path' must not be null");
        this.reason = Objects.requireNonNull(reason, "'reason' must not be null");
        this.errorType = errorType;
    }

    /**
     * Where the offending item is, relative to the list of seeds: {@code pools[<index>]} followed by the names of
     * {@link PoolSeed}'s components and indexes, such as {@code pools[0].clients[1].id}.
     */
    public String path() {
        return this.path;
    }

    /** What is wrong, without the path: Cognito's message when one of its operations refused the item. */
    public String reason() {
        return this.reason;
    }

    /** The Cognito error that refused the item, or {@code null} when the seeds clash among themselves. */
    public @Nullable ErrorType errorType() {
        return this.errorType;
    }
}
