package io.github.cognitoemulator.core.auth;

import io.github.cognitoemulator.core.support.Redacted;
import java.time.Instant;
import java.util.Map;

/**
 * A challenge waiting for its answer: bound to one user and one app client, used once, and valid for the client's
 * {@code AuthSessionValidity}.
 *
 * @param userPoolId the pool
 * @param clientId the app client that started the authentication
 * @param sub the user being authenticated
 * @param challenge the challenge that was sent
 * @param expiresAt when the session stops being accepted
 * @param data what the challenge needs to check the answer
 */
public record AuthSession(
        String userPoolId,
        String clientId,
        String sub,
        ChallengeName challenge,
        Instant expiresAt,
        Map<String, String> data) {

    public AuthSession {
        data = Map.copyOf(data);
    }

    /** A description without the challenge's data, which holds SRP's private value and the user's verifier. */
    @Override
    public String toString() {
        return "AuthSession[userPoolId=" + this.userPoolId + ", clientId=" + this.clientId + ", sub=" + this.sub
                + ", challenge=" + this.challenge + ", expiresAt=" + this.expiresAt + ", data="
                + Redacted.values(this.data) + "]";
    }
}
