package io.github.cognitoemulator.core.message;

import io.github.cognitoemulator.core.support.Ids;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Composes the messages Cognito sends and hands them to the {@link MessageInbox}. */
public final class MessageSender {

    private final MessageInbox inbox;

    private final Clock clock;

    private final Ids ids;

    public MessageSender(MessageInbox inbox, Clock clock, Ids ids) {
        this.inbox = Objects.requireNonNull(inbox, "'inbox' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
        this.ids = Objects.requireNonNull(ids, "'ids' must not be null");
    }

    /**
     * Sends a message to an email address or phone number and describes the delivery as Cognito's
     * {@code CodeDeliveryDetailsType} does.
     *
     * @param attributeName {@code email} or {@code phone_number}, which decides the medium
     * @param subject the email subject, ignored for SMS
     * @param code the code or temporary password the text carries
     * @return the delivery details, with the destination masked
     */
    public Map<String, String> send(
            String userPoolId,
            String username,
            String type,
            String attributeName,
            String destination,
            @Nullable String subject,
            String body,
            @Nullable String code) {
        boolean email = attributeName.equals("email");
        this.inbox.deliver(new Message(
                this.ids.uuid(),
                userPoolId,
                username,
                type,
                email ? "EMAIL" : "SMS",
                destination,
                email ? subject : null,
                body,
                code,
                this.clock.instant()));
        Map<String, String> details = new LinkedHashMap<>();
        details.put("AttributeName", attributeName);
        details.put("DeliveryMedium", email ? "EMAIL" : "SMS");
        details.put("Destination", mask(attributeName, destination));
        return details;
    }

    /**
     * A destination as Cognito shows it: {@code a***@e***} for an email, {@code +*******1234} for a phone number.
     */
    public static String mask(String attributeName, String destination) {
        if (attributeName.equals("email")) {
            int at = destination.indexOf('@');
            if (at <= 0 || at == destination.length() - 1) {
                return "***";
            }
            return destination.charAt(0) + "***@" + destination.charAt(at + 1) + "***";
        }
        if (destination.length() <= 5) {
            return destination;
        }
        return "+" + "*".repeat(destination.length() - 5) + destination.substring(destination.length() - 4);
    }
}
