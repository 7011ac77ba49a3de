package io.github.cognitoemulator.core.trigger;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The pre token generation trigger, event versions 2 and 3 ({@code LambdaVersion V2_0} or {@code V3_0}): shapes the
 * claims of the ID and access tokens and the scopes of the access token. Version 3 also runs for client credentials
 * grants ({@code TokenGeneration_ClientCredentials}), with the same event shape.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html">
 *     Pre token generation Lambda trigger</a>
 */
@FunctionalInterface
public interface PreTokenGenerationV2Trigger extends LambdaTrigger {

    /** Shapes the tokens about to be issued; the response must not be {@code null}. */
    Response preTokenGeneration(TriggerEvent<Request> event);

    /**
     * The {@code request} of a version 2 or 3 event.
     *
     * @param userAttributes the user's attributes
     * @param scopes the scopes of the access token
     * @param groupConfiguration the user's groups
     * @param clientMetadata the request's {@code ClientMetadata}
     */
    record Request(
            Map<String, String> userAttributes,
            List<String> scopes,
            GroupConfiguration groupConfiguration,
            Map<String, String> clientMetadata) {}

    /**
     * The {@code response} of a version 2 or 3 trigger.
     *
     * @param claimsAndScopeOverrideDetails the changes, or {@code null} for none
     */
    record Response(@Nullable ClaimsAndScopeOverrideDetails claimsAndScopeOverrideDetails) {

        /** The response that changes nothing. */
        public static Response unchanged() {
            return new Response(null);
        }
    }

    /**
     * The changes to both tokens.
     *
     * @param idTokenGeneration the changes to the ID token, or {@code null}
     * @param accessTokenGeneration the changes to the access token, or {@code null}
     * @param groupOverrideDetails the groups to put in both tokens instead of the user's, or {@code null}
     */
    record ClaimsAndScopeOverrideDetails(
            @Nullable IdTokenGeneration idTokenGeneration,
            @Nullable AccessTokenGeneration accessTokenGeneration,
            @Nullable GroupConfiguration groupOverrideDetails) {}

    /**
     * The changes to the ID token.
     *
     * @param claimsToAddOrOverride claims to add or replace; values may be strings, numbers, booleans, lists or maps
     * @param claimsToSuppress claims to remove, which wins over adding them
     */
    record IdTokenGeneration(
            @Nullable Map<String, Object> claimsToAddOrOverride,
            @Nullable List<String> claimsToSuppress) {}

    /**
     * The changes to the access token.
     *
     * @param claimsToAddOrOverride claims to add or replace; values may be strings, numbers, booleans, lists or maps
     * @param claimsToSuppress claims to remove, which wins over adding them
     * @param scopesToAdd scopes to add to the {@code scope} claim
     * @param scopesToSuppress scopes to remove from the {@code scope} claim, which wins over adding them
     */
    record AccessTokenGeneration(
            @Nullable Map<String, Object> claimsToAddOrOverride,
            @Nullable List<String> claimsToSuppress,
            @Nullable List<String> scopesToAdd,
            @Nullable List<String> scopesToSuppress) {}
}
