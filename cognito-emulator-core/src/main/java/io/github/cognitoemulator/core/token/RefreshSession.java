package io.github.cognitoemulator.core.token;

import java.time.Instant;

/**
 * What a refresh token stands for: one sign-in of one user through one app client.
 *
 * @param userPoolId the pool
 * @param clientId the app client the token was issued to, the only one that may use it
 * @param sub the user
 * @param originJti the id shared by every token of this sign-in
 * @param authTime when the user signed in
 * @param expiresAt when the refresh token stops working
 */
public record RefreshSession(
        String userPoolId, String clientId, String sub, String originJti, Instant authTime, Instant expiresAt) {}
