package io.github.cognitoemulator.core.token;

import org.jspecify.annotations.Nullable;

/**
 * The tokens of one successful authentication, as {@code AuthenticationResultType} carries them.
 *
 * @param idToken the signed ID token
 * @param accessToken the signed access token
 * @param refreshToken the opaque refresh token, {@code null} when a refresh issues none
 * @param expiresIn the access token's lifetime in seconds
 */
public record IssuedTokens(
        String idToken, String accessToken, @Nullable String refreshToken, long expiresIn) {}
