package io.github.cognitoemulator.core.message;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where messages go instead of email and SMS: each is kept, newest first, in a bounded {@link MessageStore} that
 * developers and tests read to find their codes, and logged at INFO without the code or temporary password it
 * carries, which must never reach a log.
 */
public final class MessageInbox {

    private static final Logger logger = LoggerFactory.getLogger(MessageInbox.class);

    private final MessageStore messages;

    public MessageInbox(MessageStore messages) {
        this.messages = Objects.requireNonNull(messages, "'messages' must not be null");
    }

    /** Delivers a message: keeps it and logs that it was sent. */
    public void deliver(Message message) {
        Objects.requireNonNull(message, "'message' must not be null");
        this.messages.add(message);
        logger.info(
                "Cognito emulator {} message to {} ({} of user '{}' in {}): {}",
                message.deliveryMedium(),
                message.destination(),
                message.type(),
                message.username(),
                message.userPoolId(),
                redacted(message));
    }

    /**
     * The messages kept, newest first.
     *
     * @param userPoolId only this pool's messages, or all when {@code null}
     * @param username only this user's messages (internal username or destination), or all when {@code null}
     */
    public List<Message> messages(@Nullable String userPoolId, @Nullable String username) {
        return this.messages.list(userPoolId, username);
    }

    /** The newest message for a user of a pool, if any. */
    public @Nullable Message latest(String userPoolId, String username) {
        List<Message> found = messages(userPoolId, username);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Empties the inbox. */
    public void clear() {
        this.messages.clear();
    }

    private static String redacted(Message message) {
        String code = message.code();
        return (code != null && !code.isEmpty()) ? message.body().replace(code, "******") : message.body();
    }
}
