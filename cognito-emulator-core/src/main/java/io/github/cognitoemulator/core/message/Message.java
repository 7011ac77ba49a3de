package io.github.cognitoemulator.core.message;

import io.github.cognitoemulator.core.support.Redacted;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A message Cognito would have sent by email or SMS: a sign-up code, a password-reset code, an invitation.
 *
 * @param id a unique id
 * @param userPoolId the pool
 * @param username the internal username of the recipient
 * @param type what the message is for, named after Cognito's custom-message trigger sources ({@code SignUp},
 *     {@code ResendCode}, {@code ForgotPassword}, {@code UpdateUserAttribute}, {@code AdminCreateUser})
 * @param deliveryMedium {@code EMAIL} or {@code SMS}
 * @param destination the email address or phone number
 * @param subject the email subject, {@code null} for SMS
 * @param body the text
 * @param code the code or temporary password in the text, for tests that need it
 * @param sentAt when it was sent
 */
public record Message(
        String id,
        String userPoolId,
        String username,
        String type,
        String deliveryMedium,
        String destination,
        @Nullable String subject,
        String body,
        @Nullable String code,
        Instant sentAt) {

    /** A description without the text or the code, which carry the secret. */
    @Override
    public String toString() {
        return "Message[id=" + this.id + ", userPoolId=" + this.userPoolId + ", username=" + this.username + ", type="
                + this.type + ", deliveryMedium=" + this.deliveryMedium + ", destination=" + this.destination
                + ", subject=" + this.subject + ", body=" + Redacted.secret(this.body) + ", code="
                + Redacted.secret(this.code) + ", sentAt=" + this.sentAt + "]";
    }
}
