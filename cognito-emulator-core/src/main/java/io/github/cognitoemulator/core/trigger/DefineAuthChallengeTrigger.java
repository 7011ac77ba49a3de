package io.github.cognitoemulator.core.trigger;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The define auth challenge trigger ({@code DefineAuthChallenge_Authentication}): decides, after each round of a
 * CUSTOM_AUTH sign-in, whether to issue tokens, fail, or ask another challenge.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-define-auth-challenge.html">
 *     Define auth challenge Lambda trigger</a>
 */
@FunctionalInterface
public interface DefineAuthChallengeTrigger extends LambdaTrigger {

    /** Decides the next step; the response must not be {@code null}. */
    Response defineAuthChallenge(TriggerEvent<Request> event);

    /**
     * The {@code request} of a define auth challenge event.
     *
     * @param userAttributes the user's attributes (none when the user does not exist)
     * @param session the rounds so far, oldest first
     * @param clientMetadata the request's {@code ClientMetadata}
     * @param userNotFound whether the user does not exist (clients that hide this only)
     */
    record Request(
            Map<String, String> userAttributes,
            List<ChallengeResult> session,
            Map<String, String> clientMetadata,
            boolean userNotFound) {

        /** A description that counts the rounds so far rather than listing them. */
        @Override
        public String toString() {
            return "Request[userAttributes=" + this.userAttributes
                    + ", session=" + this.session.size() + " rounds"
                    + ", clientMetadata=" + this.clientMetadata
                    + ", userNotFound=" + this.userNotFound + "]";
        }
    }

    /**
     * The {@code response} of a define auth challenge trigger.
     *
     * @param challengeName the next challenge, {@code CUSTOM_CHALLENGE} or {@code PASSWORD_VERIFIER}, when neither
     *     of the other members is set
     * @param issueTokens whether the user is authenticated
     * @param failAuthentication whether the sign-in fails
     */
    record Response(@Nullable String challengeName, boolean issueTokens, boolean failAuthentication) {

        /** The response that asks a {@code CUSTOM_CHALLENGE}. */
        public static Response customChallenge() {
            return new Response("CUSTOM_CHALLENGE", false, false);
        }

        /** The response that authenticates the user. */
        public static Response issueTokensNow() {
            return new Response(null, true, false);
        }

        /** The response that fails the sign-in. */
        public static Response fail() {
            return new Response(null, false, true);
        }
    }
}
