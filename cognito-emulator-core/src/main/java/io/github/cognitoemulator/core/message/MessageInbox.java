package io.github.cognitoemulator.core.message;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where messages go instead of email and SMS: each is logged at INFO and kept, newest first, in a bounded inbox
 * that developers and tests read to find their codes.
 */
public final class MessageInbox {

    private static final Logger logger = LoggerFactory.getLogger(MessageInbox.class);

    private final int capacity;

    private final Deque<Message> messages = new ArrayDeque<>();

    /** @param capacity how many messages to keep; older ones are dropped */
    public MessageInbox(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("'capacity' must be positive");
        }
        this.capacity = capacity;
    }

    /** Delivers a message: logs it and keeps it. */
    public void deliver(Message message) {
        Objects.requireNonNull(message, "'message' must not be null");
        // Invitations carry a temporary password, which stays out of the log; the inbox keeps the whole text.
        String logged = (message.code() != null && message.type().equals("AdminCreateUser"))
                ? message.body().replace(message.code(), "********")
                : message.body();
        logger.info(
                "Cognito emulator {} message to {} ({} of user '{}' in {}): {}",
                message.deliveryMedium(),
                message.destination(),
                message.type(),
                message.username(),
                message.userPoolId(),
                logged);
        synchronized (this.messages) {
            this.messages.addFirst(message);
            while (this.messages.size() > this.capacity) {
                this.messages.removeLast();
            }
        }
    }

    /**
     * The messages kept, newest first.
     *
     * @param userPoolId only this pool's messages, or all when {@code null}
     * @param username only this user's messages (internal username or destination), or all when {@code null}
     */
    public List<Message> messages(@Nullable String userPoolId, @Nullable String username) {
        synchronized (this.messages) {
            return this.messages.stream()
                    .filter((m) -> userPoolId == null || m.userPoolId().equals(userPoolId))
                    .filter((m) -> username == null
                            || m.username().equals(username)
                            || m.destination().equals(username))
                    .toList();
        }
    }

    /** The newest message for a user of a pool, if any. */
    public @Nullable Message latest(String userPoolId, String username) {
        List<Message> found = messages(userPoolId, username);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Empties the inbox. */
    public void clear() {
        synchronized (this.messages) {
            this.messages.clear();
        }
    }
}
