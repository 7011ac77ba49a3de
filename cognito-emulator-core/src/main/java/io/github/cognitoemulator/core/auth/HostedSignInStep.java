package io.github.cognitoemulator.core.auth;

import io.github.cognitoemulator.core.support.Redacted;
import io.github.cognitoemulator.core.user.User;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** Where a managed login sign-in stands after a step: a challenge to answer, or the user signed in. */
public sealed interface HostedSignInStep permits HostedSignInStep.Challenge, HostedSignInStep.SignedIn {

    /**
     * The user must answer a challenge next.
     *
     * @param name the challenge
     * @param session the session the answer must carry
     * @param parameters the challenge's parameters, as the API would send them
     */
    record Challenge(ChallengeName name, String session, Map<String, String> parameters) implements HostedSignInStep {

        public Challenge {
            Objects.requireNonNull(name, "'name' must not be null");
            Objects.requireNonNull(session, "'session' must not be null");
            parameters = Map.copyOf(parameters);
        }

        /** A description without the session. */
        @Override
        public String toString() {
            return "Challenge[name=" + this.name + ", session=" + Redacted.secret(this.session) + ", parameters="
                    + this.parameters + "]";
        }
    }

    /**
     * Every step passed: the user is signed in.
     *
     * @param user the user, as stored after the last step
     * @param authTime when she signed in
     */
    record SignedIn(User user, Instant authTime) implements HostedSignInStep {

        public SignedIn {
            Objects.requireNonNull(user, "'user' must not be null");
            Objects.requireNonNull(authTime, "'authTime' must not be null");
        }
    }
}
