package io.github.cognitoemulator.core.token;

import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.user.User;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the tokens of an authentication are issued for.
 *
 * @param pool the user's pool
 * @param client the app client the user signed in through
 * @param user the user
 * @param issuer the {@code iss} claim, {@code <issuer base URL>/<pool id>}
 * @param authTime when the user signed in (kept across refreshes)
 * @param refreshedFrom the session being refreshed, or {@code null} for a new sign-in
 * @param deviceKey the device the user signed in from, for the access token's {@code device_key}, or {@code null}
 * @param clientMetadata the {@code ClientMetadata} of the request, for the pre token generation trigger
 */
public record TokenRequest(
        UserPool pool,
        UserPoolClient client,
        User user,
        String issuer,
        Instant authTime,
        @Nullable RefreshSession refreshedFrom,
        @Nullable String deviceKey,
        Map<String, String> clientMetadata) {

    public TokenRequest {
        clientMetadata = Map.copyOf(clientMetadata);
    }
}
