package io.github.cognitoemulator.core.trigger;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The custom message trigger: writes the email and SMS messages that carry codes and invitations. Trigger sources:
 * {@code CustomMessage_SignUp}, {@code _ResendCode}, {@code _ForgotPassword}, {@code _UpdateUserAttribute},
 * {@code _VerifyUserAttribute}, {@code _AdminCreateUser} and {@code _Authentication}.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-custom-message.html">
 *     Custom message Lambda trigger</a>
 */
@FunctionalInterface
public interface CustomMessageTrigger extends LambdaTrigger {

    /** Writes a message; the response must not be {@code null}. */
    Response customMessage(TriggerEvent<Request> event);

    /**
     * The {@code request} of a custom message event.
     *
     * @param userAttributes the user's attributes
     * @param codeParameter the placeholder the message must contain where the code goes, {@code {####}}
     * @param usernameParameter the placeholder of the username in invitations, {@code {username}}, otherwise
     *     {@code null}
     * @param clientMetadata the request's {@code ClientMetadata}
     */
    record Request(
            Map<String, String> userAttributes,
            String codeParameter,
            @Nullable String usernameParameter,
            Map<String, String> clientMetadata) {}

    /**
     * The {@code response} of a custom message trigger; a {@code null} member keeps the pool's own message.
     *
     * @param smsMessage the text of an SMS
     * @param emailMessage the body of an email
     * @param emailSubject the subject of an email
     */
    record Response(
            @Nullable String smsMessage,
            @Nullable String emailMessage,
            @Nullable String emailSubject) {}
}
