package io.github.cognitoemulator.core.trigger;

import java.util.Map;

/**
 * The post confirmation trigger: runs once ConfirmSignUp ({@code PostConfirmation_ConfirmSignUp}) or
 * ConfirmForgotPassword ({@code PostConfirmation_ConfirmForgotPassword}) has succeeded; throwing fails the request,
 * although the confirmation stays done, as in Cognito.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-post-confirmation.html">
 *     Post confirmation Lambda trigger</a>
 */
@FunctionalInterface
public interface PostConfirmationTrigger extends LambdaTrigger {

    /** Reacts to a confirmation. */
    void postConfirmation(TriggerEvent<Request> event);

    /**
     * The {@code request} of a post confirmation event.
     *
     * @param userAttributes the user's attributes, {@code cognito:user_status} included
     * @param clientMetadata the request's {@code ClientMetadata}
     */
    record Request(Map<String, String> userAttributes, Map<String, String> clientMetadata) {}
}
