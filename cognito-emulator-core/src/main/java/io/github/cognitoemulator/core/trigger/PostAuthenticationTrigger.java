package io.github.cognitoemulator.core.trigger;

import java.util.Map;

/**
 * The post authentication trigger ({@code PostAuthentication_Authentication}): runs once the tokens of a sign-in are
 * issued; throwing fails the request.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-post-authentication.html">
 *     Post authentication Lambda trigger</a>
 */
@FunctionalInterface
public interface PostAuthenticationTrigger extends LambdaTrigger {

    /** Reacts to a sign-in. */
    void postAuthentication(TriggerEvent<Request> event);

    /**
     * The {@code request} of a post authentication event.
     *
     * @param userAttributes the user's attributes
     * @param newDeviceUsed whether the user signed in from a device not seen before
     * @param clientMetadata the request's {@code ClientMetadata}
     */
    record Request(Map<String, String> userAttributes, boolean newDeviceUsed, Map<String, String> clientMetadata) {}
}
