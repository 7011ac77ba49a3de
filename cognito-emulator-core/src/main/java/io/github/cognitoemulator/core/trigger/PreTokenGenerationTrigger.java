package io.github.cognitoemulator.core.trigger;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The pre token generation trigger, event version 1 ({@code LambdaVersion V1_0}, the default): adds, overrides and
 * suppresses claims of the ID token and replaces the groups of both tokens. Trigger sources:
 * {@code TokenGeneration_Authentication}, {@code TokenGeneration_NewPasswordChallenge},
 * {@code TokenGeneration_RefreshTokens} and others.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html">
 *     Pre token generation Lambda trigger</a>
 */
@FunctionalInterface
public interface PreTokenGenerationTrigger extends LambdaTrigger {

    /** Shapes the tokens about to be issued; the response must not be {@code null}. */
    Response preTokenGeneration(TriggerEvent<Request> event);

    /**
     * The {@code request} of a version 1 event.
     *
     * @param userAttributes the user's attributes
     * @param groupConfiguration the user's groups
     * @param clientMetadata the request's {@code ClientMetadata}
     */
    record Request(
            Map<String, String> userAttributes,
            GroupConfiguration groupConfiguration,
            Map<String, String> clientMetadata) {}

    /**
     * The {@code response} of a version 1 trigger.
     *
     * @param claimsOverrideDetails the changes, or {@code null} for none
     */
    record Response(@Nullable ClaimsOverrideDetails claimsOverrideDetails) {

        /** The response that changes nothing. */
        public static Response unchanged() {
            return new Response(null);
        }
    }

    /**
     * The changes to the ID token; a suppressed claim stays out even when it is also added.
     *
     * @param claimsToAddOrOverride claims to add to the ID token or whose value to replace
     * @param claimsToSuppress claims to remove from the ID token
     * @param groupOverrideDetails the groups to put in both tokens instead of the user's, or {@code null}
     */
    record ClaimsOverrideDetails(
            @Nullable Map<String, String> claimsToAddOrOverride,
            @Nullable List<String> claimsToSuppress,
            @Nullable GroupConfiguration groupOverrideDetails) {}
}
