package io.github.cognitoemulator.core.trigger;

import java.util.Map;

/**
 * The pre sign-up trigger: runs before SignUp ({@code PreSignUp_SignUp}) and AdminCreateUser
 * ({@code PreSignUp_AdminCreateUser}) create a user; throwing rejects the sign-up.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-sign-up.html">Pre
 *     sign-up Lambda trigger</a>
 */
@FunctionalInterface
public interface PreSignUpTrigger extends LambdaTrigger {

    /** Decides on a sign-up; the response must not be {@code null}. */
    Response preSignUp(TriggerEvent<Request> event);

    /**
     * The {@code request} of a pre sign-up event.
     *
     * @param userAttributes the attributes of the new user
     * @param validationData the request's {@code ValidationData}, which Cognito does not store
     * @param clientMetadata the request's {@code ClientMetadata}
     */
    record Request(
            Map<String, String> userAttributes,
            Map<String, String> validationData,
            Map<String, String> clientMetadata) {}

    /**
     * The {@code response} of a pre sign-up trigger.
     *
     * @param autoConfirmUser whether the user is confirmed without a code (SignUp only)
     * @param autoVerifyEmail whether the email address is marked verified
     * @param autoVerifyPhone whether the phone number is marked verified
     */
    record Response(boolean autoConfirmUser, boolean autoVerifyEmail, boolean autoVerifyPhone) {

        /** The response that lets the sign-up go on as usual. */
        public static Response proceed() {
            return new Response(false, false, false);
        }
    }
}
