package io.github.cognitoemulator.core.trigger;

import java.util.Map;

/**
 * The pre authentication trigger ({@code PreAuthentication_Authentication}): runs when a user starts signing in,
 * before the password is checked; throwing rejects the sign-in.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-authentication.html">
 *     Pre authentication Lambda trigger</a>
 */
@FunctionalInterface
public interface PreAuthenticationTrigger extends LambdaTrigger {

    /** Accepts a sign-in attempt by returning, or rejects it by throwing. */
    void preAuthentication(TriggerEvent<Request> event);

    /**
     * The {@code request} of a pre authentication event.
     *
     * @param userAttributes the user's attributes
     * @param userNotFound whether the user does not exist (clients that hide this only)
     * @param validationData the request's {@code ValidationData}
     * @param clientMetadata the request's {@code ClientMetadata}
     */
    record Request(
            Map<String, String> userAttributes,
            boolean userNotFound,
            Map<String, String> validationData,
            Map<String, String> clientMetadata) {}
}
