package io.github.cognitoemulator.core.message;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Where sent messages are kept, newest first, up to a capacity past which the oldest are dropped. */
public interface MessageStore {

    void add(Message message);

    /**
     * The messages kept, newest first.
     *
     * @param userPoolId only this pool's messages, or all when {@code null}
     * @param username only this user's messages (internal username or destination), or all when {@code null}
     */
    List<Message> list(@Nullable String userPoolId, @Nullable String username);

    /** Removes every message. */
    void clear();
}
