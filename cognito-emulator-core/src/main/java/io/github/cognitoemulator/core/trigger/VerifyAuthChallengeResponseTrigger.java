package io.github.cognitoemulator.core.trigger;

import java.util.Map;

/**
 * The verify auth challenge response trigger ({@code VerifyAuthChallengeResponse_Authentication}): checks the answer
 * the client sent to a {@code CUSTOM_CHALLENGE}.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-verify-auth-challenge-response.html">
 *     Verify auth challenge response Lambda trigger</a>
 */
@FunctionalInterface
public interface VerifyAuthChallengeResponseTrigger extends LambdaTrigger {

    /** Checks an answer; the response must not be {@code null}. */
    Response verifyAuthChallengeResponse(TriggerEvent<Request> event);

    /**
     * The {@code request} of a verify auth challenge response event.
     *
     * @param userAttributes the user's attributes (none when the user does not exist)
     * @param privateChallengeParameters what the create auth challenge trigger kept
     * @param challengeAnswer the {@code ANSWER} the client sent
     * @param clientMetadata the request's {@code ClientMetadata}
     * @param userNotFound whether the user does not exist (clients that hide this only)
     */
    record Request(
            Map<String, String> userAttributes,
            Map<String, String> privateChallengeParameters,
            String challengeAnswer,
            Map<String, String> clientMetadata,
            boolean userNotFound) {}

    /**
     * The {@code response} of a verify auth challenge response trigger.
     *
     * @param answerCorrect whether the answer is right
     */
    record Response(boolean answerCorrect) {}
}
