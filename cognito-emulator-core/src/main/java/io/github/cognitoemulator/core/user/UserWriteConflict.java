package io.github.cognitoemulator.core.user;

import org.jspecify.annotations.Nullable;

/**
 * A {@link UserStore#write(java.util.List)} that was refused: a unique key held by another user, or a user that
 * changed or disappeared since it was read. Nothing was written.
 */
public final class UserWriteConflict extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final @Nullable String takenKey;

    private UserWriteConflict(String message, @Nullable String takenKey) {
        super(message, null, false, false);
        this.takenKey = takenKey;
    }

    /** Another user holds {@code key}. */
    public static UserWriteConflict keyTaken(String key) {
        return new UserWriteConflict("A unique user key is taken", key);
    }

    /** The user changed or disappeared since it was read. */
    public static UserWriteConflict stale() {
        return new UserWriteConflict("The user changed since it was read", null);
    }

    /** The key another user holds, or {@code null} when the user was stale instead. */
    public @Nullable String takenKey() {
        return this.takenKey;
    }
}
