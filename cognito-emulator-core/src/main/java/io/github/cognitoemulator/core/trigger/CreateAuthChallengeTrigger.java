package io.github.cognitoemulator.core.trigger;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The create auth challenge trigger ({@code CreateAuthChallenge_Authentication}): makes up the challenge the define
 * auth challenge trigger asked for: what the client sees, and what the verify trigger checks the answer against.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-create-auth-challenge.html">
 *     Create auth challenge Lambda trigger</a>
 */
@FunctionalInterface
public interface CreateAuthChallengeTrigger extends LambdaTrigger {

    /** Makes a challenge; the response must not be {@code null}. */
    Response createAuthChallenge(TriggerEvent<Request> event);

    /**
     * The {@code request} of a create auth challenge event.
     *
     * @param userAttributes the user's attributes (none when the user does not exist)
     * @param challengeName the challenge to create, {@code CUSTOM_CHALLENGE}
     * @param session the rounds so far, oldest first
     * @param clientMetadata the request's {@code ClientMetadata}
     * @param userNotFound whether the user does not exist (clients that hide this only)
     */
    record Request(
            Map<String, String> userAttributes,
            String challengeName,
            List<ChallengeResult> session,
            Map<String, String> clientMetadata,
            boolean userNotFound) {

        /** A description that counts the rounds so far rather than listing them. */
        @Override
        public String toString() {
            return "Request[userAttributes=" + this.userAttributes
                    + ", challengeName=" + this.challengeName
                    + ", session=" + this.session.size() + " rounds"
                    + ", clientMetadata=" + this.clientMetadata
                    + ", userNotFound=" + this.userNotFound + "]";
        }
    }

    /**
     * The {@code response} of a create auth challenge trigger.
     *
     * @param publicChallengeParameters sent to the client as {@code ChallengeParameters}
     * @param privateChallengeParameters kept for the verify auth challenge response trigger
     * @param challengeMetadata a note on this round, shown to later rounds in {@code session}
     */
    record Response(
            Map<String, String> publicChallengeParameters,
            Map<String, String> privateChallengeParameters,
            @Nullable String challengeMetadata) {}
}
